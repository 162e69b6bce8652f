package io.plughome.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Whether a new charger connection is let in now or asked to come back later (HTTP 503 with
 * {@code Retry-After}, before the upgrade and before its credentials are checked).
 *
 * <p>A charger that arrives costs more than one that is settled: an upgrade, a login, a boot, its
 * status reports and its transaction, each stored. When thousands arrive at once (every charger
 * of a car park after a restart or a network outage), letting all of them in makes every one
 * of them wait, most time out, and each retries into the same crowd. So at most
 * {@code PLUGHOME_MAX_ARRIVING} connections are let in that have not had their BootNotification
 * answered yet (a connection counts as arriving for at most {@link #ARRIVAL_SECONDS}, so one that
 * never boots does not hold its place), and none while more than {@link #BACKLOG_LIMIT} reports of
 * connected chargers wait to be stored: those come first. The others get a Retry-After spread
 * over {@link #RETRY_MIN_SECONDS} to {@link #RETRY_MAX_SECONDS}, so they do not all come back
 * in the same second. Connections already open are never closed by this.
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class.getName());

    /** At most one line a minute says how many were asked to come back, and why. */
    static final long LOG_EVERY_NANOS = 60_000_000_000L;

    /** How long a connection counts as arriving at most. */
    static final long ARRIVAL_SECONDS = 30;
    /** Reports waiting to be stored beyond which no charger is let in (about two seconds of storing here). */
    static final int BACKLOG_LIMIT = 2_000;
    static final int RETRY_MIN_SECONDS = 5;
    static final int RETRY_MAX_SECONDS = 30;

    @Inject
    OcppConfig config;

    @Inject
    FrameBatcher batcher;

    /** The clock arrivals are timed by (a test's own). */
    java.util.function.LongSupplier nanos = System::nanoTime;

    /** Connections let in whose charger has not booted yet: when each was let in (nanoTime). */
    private final ConcurrentMap<String, Long> arriving = new ConcurrentHashMap<>();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong deferredSinceLine = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong(Long.MIN_VALUE);

    /** How many seconds to ask this charger to wait; 0: it is let in now (and counted as arriving). */
    public int retryAfter(String chargerId) {
        long now = nanos.getAsLong();
        boolean full = arriving.size() >= config.maxArriving() && forgetOld(now) >= config.maxArriving();
        int backlog = full ? 0 : batcher.backlog();
        if (full || backlog > BACKLOG_LIMIT) {
            deferred.incrementAndGet();
            deferredSinceLine.incrementAndGet();
            long last = lastLine.get();
            if ((last == Long.MIN_VALUE || now - last >= LOG_EVERY_NANOS) && lastLine.compareAndSet(last, now)) {
                long count = deferredSinceLine.getAndSet(0);
                LOG.warning(() -> count + " charger connection(s) asked to come back later (503, Retry-After): "
                        + (full ? config.maxArriving() + " chargers are arriving at once (PLUGHOME_MAX_ARRIVING)"
                                : backlog + " reports of connected chargers wait to be stored")
                        + "; at most one such line a minute");
            }
            return ThreadLocalRandom.current().nextInt(RETRY_MIN_SECONDS, RETRY_MAX_SECONDS + 1);
        }
        arriving.put(chargerId, now);
        return 0;
    }

    /** The charger's BootNotification was answered, or its connection ended: it has arrived. */
    public void arrived(String chargerId) {
        arriving.remove(chargerId);
    }

    /** Connections asked to come back later since the start (for /metrics). */
    public long deferred() {
        return deferred.get();
    }

    /** Connections counted as arriving now. */
    public int arriving() {
        return arriving.size();
    }

    /** Drops the connections that have counted as arriving for too long; how many are left. */
    private int forgetOld(long now) {
        long limit = ARRIVAL_SECONDS * 1_000_000_000L;
        arriving.values().removeIf(at -> now - at > limit);
        return arriving.size();
    }
}
