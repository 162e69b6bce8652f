package io.plughome.ocpp;

import io.plughome.platform.Durability;
import io.plughome.session.SessionService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What {@code /metrics} shows of the OCPP edge (Prometheus text, application scope): connected
 * chargers, messages per action and direction, CALLERRORs by code, handler latency per action,
 * active sessions, and the group commit. Database pool waits are Liberty's own connection pool
 * metrics (vendor scope), which it publishes for the data source.
 */
@ApplicationScoped
public class OcppMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    ConnectionRegistry connections;

    @Inject
    SessionService sessions;

    @Inject
    Durability durability;

    @Inject
    FrameBatcher batcher;

    @Inject
    Admission admission;

    private static final Metadata MESSAGES = Metadata.builder().withName("plughome_ocpp_messages")
            .withDescription("OCPP CALLs by action and direction").build();
    private static final Metadata CALL_ERRORS = Metadata.builder().withName("plughome_ocpp_callerrors")
            .withDescription("CALLERRORs answered to chargers, by code").build();
    private static final Metadata HANDLER = Metadata.builder().withName("plughome_ocpp_handler")
            .withDescription("Time from a charger's CALL to its answer, by action").build();

    /** The metrics of each action and code, looked up once (this is on every frame's path). */
    private final java.util.concurrent.ConcurrentMap<String, org.eclipse.microprofile.metrics.Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, org.eclipse.microprofile.metrics.Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Active sessions are counted in the database at most once every few seconds (scrapes may be frequent). */
    private final AtomicLong activeSessions = new AtomicLong();
    private volatile long activeCountedAt;

    @PostConstruct
    void gauges() {
        registry.gauge(Metadata.builder().withName("plughome_chargers_connected")
                .withDescription("Chargers with an open OCPP connection").build(), connections,
                c -> c.online().size());
        registry.gauge(Metadata.builder().withName("plughome_sessions_active")
                .withDescription("Charging sessions not stopped yet").build(), this, OcppMetrics::countActive);
        registry.gauge(Metadata.builder().withName("plughome_ocpp_calls_in_flight")
                .withDescription("Charger messages being handled now").build(), connections,
                ConnectionRegistry::callsInFlight);
        registry.gauge(Metadata.builder().withName("plughome_group_commits")
                .withDescription("Durable flushes (H2 CHECKPOINT) made for acknowledged writes").build(), durability,
                d -> d.figures().groups());
        registry.gauge(Metadata.builder().withName("plughome_group_commit_waiters")
                .withDescription("Acknowledgements that waited for a durable flush").build(), durability,
                d -> d.figures().waiters());
        registry.gauge(Metadata.builder().withName("plughome_group_commit_seconds")
                .withDescription("Time spent in durable flushes").withUnit(MetricUnits.SECONDS).build(), durability,
                d -> d.figures().flushSeconds());
        registry.gauge(Metadata.builder().withName("plughome_shared_transactions")
                .withDescription("Transactions that stored reporting frames of several chargers together").build(),
                batcher, b -> b.figures().transactions());
        registry.gauge(Metadata.builder().withName("plughome_shared_transaction_frames")
                .withDescription("Frames stored in shared transactions").build(), batcher, b -> b.figures().frames());
        registry.gauge(Metadata.builder().withName("plughome_shared_transaction_frames_alone")
                .withDescription("Frames stored again alone after their shared transaction failed").build(), batcher,
                b -> b.figures().storedAlone());
        registry.gauge(Metadata.builder().withName("plughome_connections_deferred")
                .withDescription("Charger connections asked to come back later (503 with Retry-After) while many"
                        + " arrived at once or stored reports were behind").build(), admission, Admission::deferred);
        registry.gauge(Metadata.builder().withName("plughome_connections_arriving")
                .withDescription("Charger connections let in that have not booted yet").build(), admission,
                Admission::arriving);
    }

    /** A message received from (direction in) or sent to (out) a charger. */
    public void message(String action, String direction) {
        counters.computeIfAbsent(safe(action) + "/" + direction, k -> registry.counter(MESSAGES,
                new Tag("action", safe(action)), new Tag("direction", direction))).inc();
    }

    /** A CALLERROR this server answered with. */
    public void callError(String code) {
        counters.computeIfAbsent("error/" + safe(code), k -> registry.counter(CALL_ERRORS,
                new Tag("code", safe(code)))).inc();
    }

    /** How long a charger's CALL took to handle (until its answer was durable and sent). */
    public void handled(String action, Duration took) {
        timers.computeIfAbsent(safe(action), a -> registry.timer(HANDLER, new Tag("action", a))).update(took);
    }

    private long countActive() {
        long now = System.nanoTime();
        if (now - activeCountedAt > 5_000_000_000L) {
            activeCountedAt = now;
            try {
                activeSessions.set(sessions.openCountsByCharger().values().stream().mapToLong(Integer::longValue)
                        .sum());
            } catch (RuntimeException databaseAway) {
                // keep the last figure
            }
        }
        return activeSessions.get();
    }

    /**
     * Action names come from chargers: the endpoint passes only names of the version's table
     * ("unknown" otherwise), and this guard keeps any other odd value out, so a hostile charger
     * cannot grow the metric set.
     */
    private static String safe(String value) {
        if (value == null || value.length() > 40 || !value.chars().allMatch(ch -> Character.isLetterOrDigit(ch))) {
            return "unknown";
        }
        return value;
    }
}
