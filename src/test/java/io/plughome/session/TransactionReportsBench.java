package io.plughome.session;

import io.plughome.authorization.IdToken;
import io.plughome.testsupport.DomainDatabase;
import io.plughome.testsupport.MovingClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The hot use case alone: a 1.6 MeterValues of four readings for a running session, stored by
 * {@link TransactionReports} in a transaction of its own on an in-memory H2 (no disk, no server):
 * what the domain and JPA cost per meter reading frame. Not part of {@code mvn verify}; run with
 * {@code mvn -q test-compile exec:exec@jmh -Djmh.args="TransactionReportsBench"}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransactionReportsBench {

    static final int CHARGERS = 100;

    private DomainDatabase db;
    private DomainFixture domain;
    private final String[] transactions = new String[CHARGERS];
    private Instant at = Instant.parse("2026-12-01T18:00:00Z");
    private int next;

    @Setup(Level.Trial)
    public void domain() {
        db = new DomainDatabase();
        domain = new DomainFixture(db, new MovingClock(at));
        for (int i = 0; i < CHARGERS; i++) {
            String id = "CP-" + i;
            domain.connected(id, "ocpp1.6");
            transactions[i] = domain.report(TransactionReport.of(TransactionReport.Kind.STARTED, id,
                    TransactionReport.Ids.SERVER).connector(1).token(IdToken.untyped("CARD")).register(0L).at(at)
                    .build()).session().transactionId();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** One MeterValues frame's readings, for the next charger in turn, each newer than the last. */
    @Benchmark
    public TransactionReports.Reported meterValues() {
        int i = next++ % CHARGERS;
        if (i == 0) {
            at = at.plusSeconds(10);
            db.em().clear(); // as each frame's persistence context starts empty in the server
        }
        String wh = Long.toString(next * 20L);
        return domain.report(TransactionReport.of(TransactionReport.Kind.UPDATED, "CP-" + i,
                TransactionReport.Ids.SERVER).connector(1).transaction(transactions[i]).readings(List.of(
                        new MeterReading(at, MeterReading.ENERGY_REGISTER, null, null, "Sample.Periodic", "Wh", wh),
                        new MeterReading(at, MeterReading.POWER, null, null, "Sample.Periodic", "W", "7400"),
                        new MeterReading(at, MeterReading.CURRENT, "L1", null, "Sample.Periodic", "A", "32.1"),
                        new MeterReading(at, MeterReading.SOC, null, "EV", "Sample.Periodic", "Percent", "54")))
                .build());
    }
}
