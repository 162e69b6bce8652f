package io.plughome.tools;

import static io.plughome.testsupport.DomainDatabase.inject;

import io.plughome.charger.ChargerService;
import io.plughome.charger.RegistrationConfig;
import io.plughome.insight.EnergyBuckets;
import io.plughome.insight.Insights;
import io.plughome.platform.DomainEvent;
import io.plughome.platform.OwnerZone;
import io.plughome.session.ChargingSession;
import io.plughome.session.MeterReading;
import io.plughome.session.ReadingsRetention;
import io.plughome.session.ReadingsRetentionSteps;
import io.plughome.session.StopReason;
import io.plughome.testsupport.DomainDatabase;
import io.plughome.testsupport.MovingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * How much disk meter readings take, and what thinning them saves: a simulated history written to
 * an H2 file database like the server's (sessions through the domain, readings in JDBC batches),
 * its size with every reading raw, after {@code ReadingsRetention} thinned all but the last 31
 * days, and after H2 compacted the file; then how long a year's energy (the API's report) takes.
 *
 * <pre>
 * mvn -q test-compile exec:java@storage -Dstorage.args="--chargers 2 --days 365"         # a home
 * mvn -q test-compile exec:java@storage -Dstorage.args="--chargers 100 --days 30 --sessions 3"
 * </pre>
 *
 * Options: --chargers N, --days N, --sessions per charger per day (1), --hours of charging per
 * session (3), --interval seconds between MeterValues (10), --dir (target/storage-bench);
 * --query-only times the energy report alone on a database made before.
 * Each MeterValues carries four readings (energy register, power, current, state of charge).
 */
public final class StorageBench {

    private static final String INSERT = "INSERT INTO meter_sample (id, charger_id, connector_id, session_id,"
            + " sampled_at, measurand, phase, location, context, unit, raw_value, numeric_value)"
            + " VALUES (?, ?, 1, ?, ?, ?, NULL, 'Outlet', ?, ?, ?, ?)";

    public static void main(String[] args) throws Exception {
        int chargers = intArg(args, "--chargers", 2);
        int days = intArg(args, "--days", 365);
        int sessions = intArg(args, "--sessions", 1);
        int hours = intArg(args, "--hours", 3);
        int interval = intArg(args, "--interval", 10);
        Path dir = Path.of(stringArg(args, "--dir", "target/storage-bench"));
        if (List.of(args).contains("--query-only")) {
            // the energy report alone, on a database this tool made before
            JdbcDataSource existing = new JdbcDataSource();
            existing.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("plughome") + ";IFEXISTS=TRUE");
            try (DomainDatabase db = new DomainDatabase(existing)) {
                energyQuery(db, Instant.parse("2026-12-01T00:00:00Z"), "as found");
            }
            return;
        }
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("plughome.mv.db");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("plughome") + ";DB_CLOSE_ON_EXIT=FALSE");
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        Instant first = end.minus(Duration.ofDays(days));
        System.out.printf("%d charger(s), %d day(s), %d session(s) of %d h per charger a day, MeterValues every %d s"
                + " with 4 readings%n", chargers, days, sessions, hours, interval);

        long readings = 0;
        long started = System.nanoTime();
        try (DomainDatabase db = new DomainDatabase(h2)) {
            MovingClock clock = new MovingClock(end);
            ChargerService service = inject(inject(inject(inject(new ChargerService(), "em", db.em()), "clock", clock),
                    "events", new DomainDatabase.Fired<DomainEvent>()), "config",
                    inject(new RegistrationConfig(), "registration", "accept"));
            List<String> ids = new ArrayList<>();
            for (int c = 1; c <= chargers; c++) {
                String id = "CP-" + c;
                ids.add(id);
                db.inTransaction(em -> service.connected(id, "ocpp1.6"));
            }
            long nextId = 1;
            try (Connection jdbc = h2.getConnection()) {
                jdbc.setAutoCommit(false);
                for (int d = 0; d < days; d++) {
                    Instant day = first.plus(Duration.ofDays(d));
                    for (String id : ids) {
                        for (int s = 0; s < sessions; s++) {
                            Instant from = day.plus(Duration.ofHours(7 + s * (hours + 1)));
                            Instant to = from.plus(Duration.ofHours(hours));
                            long meterStart = 1_000_000L + (long) d * sessions * hours * 7_400 + s * hours * 7_400L;
                            long sessionId = db.inTransaction(em -> {
                                ChargingSession session = new ChargingSession(id, 1, 1, null, meterStart, null, from,
                                        false, from);
                                em.persist(session);
                                session.assignTransactionId(Long.toString(session.id()));
                                session.stop(meterStart + hours * 7_400L, to, StopReason.EVDisconnected, null);
                                session.readingsStoredAt(from, to);
                                return session.id();
                            });
                            nextId = readings(jdbc, nextId, id, sessionId, from, to, interval, meterStart);
                        }
                    }
                    jdbc.commit();
                }
                readings = nextId - 1;
                try (Statement st = jdbc.createStatement()) {
                    st.execute("ALTER SEQUENCE meter_sample_seq RESTART WITH " + (nextId + 50));
                    st.execute("CHECKPOINT");
                }
                jdbc.commit();
            }
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("written: %,d readings in %.0f s%n", readings, writeSeconds);
        }
        // Each phase closes the database and opens it again, as a server that runs on would find
        // it: H2 tidies its file for a while after a bulk change, which would blur the figures.
        shutdown(h2);
        long rawBytes = Files.size(file);
        System.out.printf("raw: file %s = %,d bytes, %.0f bytes per reading%n", file, rawBytes,
                (double) rawBytes / readings);
        long removed;
        try (DomainDatabase db = new DomainDatabase(h2)) {
            energyQuery(db, end, "raw");
            ReadingsRetention retention = ReadingsRetentionSteps.outsideServer(db, new MovingClock(end), 31);
            long thinStart = System.nanoTime();
            removed = retention.thinDue();
            System.out.printf("thinned (raw for 31 days): %,d removed in %.0f s, %,d kept%n", removed,
                    (System.nanoTime() - thinStart) / 1e9, readings - removed);
        }
        shutdown(h2);
        System.out.printf("thinned: file %,d bytes (H2 reuses the freed space for new readings)%n", Files.size(file));
        try (DomainDatabase db = new DomainDatabase(h2)) {
            energyQuery(db, end, "thinned");
        }
        try (Connection jdbc = h2.getConnection(); Statement st = jdbc.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        System.out.printf("compacted (SHUTDOWN COMPACT): file %,d bytes, %.0f bytes per reading kept%n",
                Files.size(file), (double) Files.size(file) / (readings - removed));
    }

    private static void shutdown(JdbcDataSource h2) throws Exception {
        try (Connection jdbc = h2.getConnection(); Statement st = jdbc.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    private static long readings(Connection jdbc, long nextId, String chargerId, long sessionId, Instant from,
            Instant to, int interval, long meterStart) throws Exception {
        long id = nextId;
        try (PreparedStatement insert = jdbc.prepareStatement(INSERT)) {
            long seconds = Duration.between(from, to).toSeconds();
            for (long t = 0; t <= seconds; t += interval) {
                Timestamp at = Timestamp.from(from.plusSeconds(t));
                String context = t == 0 ? "Transaction.Begin" : t + interval > seconds ? "Transaction.End"
                        : "Sample.Periodic";
                double wh = meterStart + 7_400.0 * t / 3_600;
                id = add(insert, id, chargerId, sessionId, at, MeterReading.ENERGY_REGISTER, context, "Wh", wh);
                id = add(insert, id, chargerId, sessionId, at, MeterReading.POWER, context, "W", 7_400);
                id = add(insert, id, chargerId, sessionId, at, MeterReading.CURRENT, context, "A", 32.1);
                id = add(insert, id, chargerId, sessionId, at, MeterReading.SOC, context, "Percent",
                        20 + 60.0 * t / seconds);
            }
            insert.executeBatch();
        }
        return id;
    }

    private static long add(PreparedStatement insert, long id, String chargerId, long sessionId, Timestamp at,
            String measurand, String context, String unit, double value) throws Exception {
        insert.setLong(1, id);
        insert.setString(2, chargerId);
        insert.setLong(3, sessionId);
        insert.setTimestamp(4, at);
        insert.setString(5, measurand);
        insert.setString(6, context);
        insert.setString(7, unit);
        String raw = measurand.equals(MeterReading.ENERGY_REGISTER) ? Long.toString((long) value)
                : String.format("%.1f", value);
        insert.setString(8, raw);
        insert.setDouble(9, value);
        insert.addBatch();
        return id + 1;
    }

    /** A year's energy per month, as the API reports it: the first (cold) run and the median of 30 after it. */
    private static void energyQuery(DomainDatabase db, Instant end, String label) {
        Insights insights = new Insights();
        inject(insights, "em", db.em());
        inject(insights, "clock", new MovingClock(end));
        inject(insights, "owner", inject(new OwnerZone(), "timezone", Optional.of("UTC")));
        Instant from = end.minus(Duration.ofDays(365));
        long[] ms = new long[31];
        long energy = 0;
        for (int i = 0; i < ms.length; i++) {
            db.em().clear();
            long t0 = System.nanoTime();
            Insights.Report report = db.inTransaction(em -> insights.energy(EnergyBuckets.Period.MONTH, from, end,
                    null));
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            energy = report.buckets().stream().mapToLong(EnergyBuckets.Bucket::energyWh).sum();
        }
        long[] measured = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(measured);
        System.out.printf("a year's energy per month (%s): %,d Wh; first run %d ms, then median %d ms"
                + " (fastest %d, slowest %d) of %d%n", label, energy, ms[0], measured[measured.length / 2], measured[0],
                measured[measured.length - 1], measured.length);
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
