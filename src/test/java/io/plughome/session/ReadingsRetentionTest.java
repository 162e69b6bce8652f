package io.plughome.session;

import static io.plughome.testsupport.DomainDatabase.inject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plughome.charger.ChargerService;
import io.plughome.charger.RegistrationConfig;
import io.plughome.platform.DomainEvent;
import io.plughome.testsupport.DomainDatabase;
import io.plughome.testsupport.MovingClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Old meter readings are thinned to the last of each kind per session per 15 minutes, the start and
 * end readings kept, newer ones untouched, each day once; on both databases (the thinning is one
 * SQL statement that must mean the same on H2 and PostgreSQL).
 */
class ReadingsRetentionTest {

    private static final Instant DAY = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void onH2() {
        try (DomainDatabase db = new DomainDatabase()) {
            oldReadingsAreThinnedAndNewOnesKept(db);
        }
    }

    @Test
    void onPostgresql() throws Exception {
        Path dir = Files.createTempDirectory("plughome-pg-retention");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true).setOverrideWorkingDirectory(dir.resolve("work").toFile()).start();
                DomainDatabase db = new DomainDatabase(pg.getPostgresDatabase())) {
            oldReadingsAreThinnedAndNewOnesKept(db);
        }
    }

    private static ReadingsRetention retention(DomainDatabase db, int rawDays) {
        return ReadingsRetentionSteps.outsideServer(db, new MovingClock(NOW), rawDays);
    }

    private static MeterSample sample(long sessionId, Instant at, String measurand, String context, double value) {
        return new MeterSample("CP-1", 1, sessionId == 0 ? null : sessionId,
                new MeterReading(at, measurand, null, null, context, null, Long.toString((long) value)));
    }

    private static void oldReadingsAreThinnedAndNewOnesKept(DomainDatabase db) {
        MovingClock clock = new MovingClock(NOW);
        ChargerService chargers = inject(inject(inject(inject(new ChargerService(), "em", db.em()), "clock", clock),
                "events", new DomainDatabase.Fired<DomainEvent>()), "config",
                inject(new RegistrationConfig(), "registration", "accept"));
        db.inTransaction(em -> chargers.connected("CP-1", "ocpp1.6"));
        Instant start = DAY.plus(Duration.ofHours(18));
        long sessionId = db.inTransaction(em -> {
            ChargingSession s = new ChargingSession("CP-1", 1, 1, null, 10_000L, null, start, false, start);
            em.persist(s);
            s.assignTransactionId(Long.toString(s.id()));
            em.persist(sample(s.id(), start, MeterReading.ENERGY_REGISTER, "Transaction.Begin", 10_000));
            // an hour of readings every 10 s (the last at 18:59:50): the register and the power
            for (int i = 1; i < 360; i++) {
                Instant at = start.plusSeconds(10L * i);
                em.persist(sample(s.id(), at, MeterReading.ENERGY_REGISTER, "Sample.Periodic", 10_000 + 20 * i));
                em.persist(sample(s.id(), at, MeterReading.POWER, "Sample.Periodic", 7_200));
            }
            Instant end = start.plusSeconds(3_600);
            em.persist(sample(s.id(), end, MeterReading.ENERGY_REGISTER, "Transaction.End", 17_200));
            s.stop(17_200L, end, StopReason.EVDisconnected, null);
            // outside any session: a reading every minute for an hour on the next day
            for (int i = 0; i < 60; i++) {
                em.persist(sample(0, DAY.plus(Duration.ofHours(30)).plusSeconds(60L * i), MeterReading.POWER,
                        "Sample.Periodic", 0));
            }
            // recent: kept raw
            for (int i = 0; i < 30; i++) {
                em.persist(sample(0, NOW.minus(Duration.ofDays(2)).plusSeconds(10L * i), MeterReading.POWER,
                        "Sample.Periodic", 0));
            }
            return s.id();
        });
        assertEquals(2 + 718 + 60 + 30, count(db, "1 = 1"));

        ReadingsRetention retention = retention(db, 31);
        long removed = retention.thinDue();

        // the session's hour: 4 slots x (register, power), plus its start and end readings
        assertEquals(10, count(db, "session_id = " + sessionId));
        assertEquals(List.of(10_000L, 11_780L, 13_580L, 15_380L, 17_180L, 17_200L), registers(db, sessionId),
                "the last register reading of each 15 minutes, with the start and end");
        assertEquals(4, count(db, "session_id IS NULL AND sampled_at < TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00+00'"),
                "an hour outside any session: one reading per 15 minutes");
        assertEquals(30, count(db, "sampled_at > TIMESTAMP WITH TIME ZONE '2026-11-15 00:00:00+00'"),
                "readings newer than 31 days stay raw");
        assertEquals((718 - 8) + (60 - 4), removed);
        assertEquals(7_200L, db.read(em -> em.find(ChargingSession.class, sessionId)).energyWh(),
                "the session's energy does not change");

        assertEquals(0, retention.thinDue(), "each day is thinned once");
        assertEquals(0, retention(db, 0).thinDue(), "0 days keeps everything raw");
    }

    private static long count(DomainDatabase db, String where) {
        return db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM meter_sample WHERE " + where)
                .getSingleResult()).longValue());
    }

    private static List<Long> registers(DomainDatabase db, long sessionId) {
        return db.read(em -> em.createQuery("SELECT m FROM MeterSample m WHERE m.sessionId = :id"
                + " AND m.measurand = :register ORDER BY m.sampledAt, m.id", MeterSample.class)
                .setParameter("id", sessionId).setParameter("register", MeterReading.ENERGY_REGISTER).getResultList())
                .stream().map(m -> Long.parseLong(m.rawValue())).toList();
    }
}
