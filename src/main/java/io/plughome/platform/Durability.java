package io.plughome.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit: what a transaction committed is on disk before anybody is told it was stored.
 *
 * <p>PostgreSQL's commit is already durable (it returns after its write-ahead log is flushed), so
 * on PostgreSQL {@link #afterCommit()} is complete at once. H2 2.x keeps committed changes in
 * memory for up to its write delay (500 ms) before its background writer stores them, so a JVM
 * killed in that window loses commits that were already acknowledged. On H2 one flusher thread
 * therefore makes the commits durable in groups: everyone who asks after committing joins the
 * next group, the flusher runs one {@code CHECKPOINT} (the store's pending changes written to the
 * file, which survives a killed process) for the whole group, then completes every waiter of it.
 * With {@code PLUGHOME_DB_FSYNC=true} it runs {@code CHECKPOINT SYNC} instead, which also forces
 * the file to the disk (survives a power cut, at the price of an fsync per group).
 *
 * <p>Groups grow with the load: when answers arrived while a flush ran, the flusher rests for as
 * long as that flush took before the next one, so the store is never flushing more than half the
 * time and everyone arriving meanwhile shares the next flush. Without load nobody waits for a rest.
 *
 * <p>Lock rule: {@link #lock} guards only the list of waiters; the checkpoint runs and the
 * futures are completed outside it, so a waiter's continuation never runs under the lock.
 */
@ApplicationScoped
public class Durability {

    private static final Logger LOG = Logger.getLogger(Durability.class.getName());

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    @Resource(lookup = "jdbc/plughome")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "plughome.db.fsync", defaultValue = "false")
    boolean fsync;

    /**
     * {@code durable} (the default): acknowledge after the durable flush. {@code commit}: acknowledge
     * right after the commit, as before group commit was built; on H2 a crash then loses up to its
     * write delay of acknowledged messages. Only for comparing the cost in a benchmark.
     */
    @Inject
    @ConfigProperty(name = "plughome.db.ack", defaultValue = "durable")
    String ack;

    private final Object lock = new Object();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private volatile Mode mode;
    private Thread flusher;
    private volatile boolean stopping;

    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong waiters = new AtomicLong();
    private final AtomicLong flushNanos = new AtomicLong();

    private enum Mode { ALREADY_DURABLE, CHECKPOINT, CHECKPOINT_SYNC, AT_COMMIT }

    /**
     * Complete once every transaction committed before this call is durable; on a database
     * whose commit is durable by itself, complete at once. Fails when the store could not be
     * made durable (the caller answers with an error, never with an acknowledgement).
     */
    public CompletableFuture<Void> afterCommit() {
        Mode m = mode();
        if (m == Mode.ALREADY_DURABLE || m == Mode.AT_COMMIT) {
            return DONE;
        }
        CompletableFuture<Void> durable = new CompletableFuture<>();
        synchronized (lock) {
            if (stopping) {
                // After shutdown began the flusher may be gone: flush on the caller's thread.
                return flushNow();
            }
            startFlusherIfNeeded();
            waiting.add(durable);
            lock.notifyAll();
        }
        return durable;
    }

    /** {@link #afterCommit()}, waiting on this thread (for the API's request threads). */
    public void awaitDurable() {
        try {
            afterCommit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a commit durable", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not make a commit durable", e);
        }
    }

    /** Figures for /metrics: groups flushed, waiters served, time spent flushing. */
    public record Figures(String mode, long groups, long waiters, double flushSeconds) {
    }

    public Figures figures() {
        return new Figures(mode().name(), groups.get(), waiters.get(), flushNanos.get() / 1e9);
    }

    private Mode mode() {
        Mode m = mode;
        if (m == null) {
            try (Connection connection = dataSource.getConnection()) {
                boolean h2 = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
                m = !h2 ? Mode.ALREADY_DURABLE : "commit".equalsIgnoreCase(ack) ? Mode.AT_COMMIT
                        : fsync ? Mode.CHECKPOINT_SYNC : Mode.CHECKPOINT;
            } catch (SQLException e) {
                // Unknown yet: flush as for H2 this time, and ask again next time.
                return fsync ? Mode.CHECKPOINT_SYNC : Mode.CHECKPOINT;
            }
            mode = m;
            Mode chosen = m;
            if (chosen == Mode.AT_COMMIT) {
                LOG.warning("PLUGHOME_DB_ACK=commit: messages are acknowledged before they are on disk; a crash"
                        + " loses up to half a second of them. Meant for benchmarks only.");
            }
            LOG.info(() -> "Durability of acknowledged writes: " + switch (chosen) {
                case ALREADY_DURABLE -> "the database's own durable commit";
                case CHECKPOINT -> "group commit (H2 CHECKPOINT), survives a killed process";
                case CHECKPOINT_SYNC -> "group commit with fsync (H2 CHECKPOINT SYNC), survives a power cut";
                case AT_COMMIT -> "none before the acknowledgement (PLUGHOME_DB_ACK=commit)";
            });
        }
        return m;
    }

    private void startFlusherIfNeeded() {
        if (flusher == null) {
            flusher = threads.newThread(this::run);
            flusher.setName("plughome-group-commit");
            flusher.setDaemon(true);
            flusher.start();
        }
    }

    private void run() {
        long restUntil = 0;
        while (true) {
            List<CompletableFuture<Void>> group;
            synchronized (lock) {
                while (!stopping && (waiting.isEmpty() || System.nanoTime() < restUntil)) {
                    try {
                        long rest = restUntil - System.nanoTime();
                        if (waiting.isEmpty() || rest <= 0) {
                            lock.wait();
                        } else {
                            lock.wait(rest / 1_000_000, (int) (rest % 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopping = true;
                    }
                }
                group = waiting;
                waiting = new ArrayList<>();
                if (group.isEmpty() && stopping) {
                    return;
                }
            }
            long started = System.nanoTime();
            CompletableFuture<Void> flushed = flushNow();
            long took = System.nanoTime() - started;
            complete(group, flushed);
            // Under load (answers arrived while this flush ran), rest as long as the flush took, at
            // most MAX_REST, before the next: the store flushes at most half the time and the
            // answers that arrive meanwhile share one flush. At a home's rate nobody arrived during
            // the flush, and the next answer is flushed at once.
            boolean loaded;
            synchronized (lock) {
                loaded = !waiting.isEmpty();
            }
            restUntil = loaded ? System.nanoTime() + Math.min(took, MAX_REST_NANOS) : 0;
        }
    }

    /** The longest rest between two flushes, whatever a flush took. */
    static final long MAX_REST_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private void complete(List<CompletableFuture<Void>> group, CompletableFuture<Void> flushed) {
        waiters.addAndGet(group.size());
        Throwable failure = flushed.handle((v, e) -> e).join();
        for (CompletableFuture<Void> waiter : group) {
            if (failure == null) {
                waiter.complete(null);
            } else {
                waiter.completeExceptionally(failure);
            }
        }
    }

    /** One checkpoint, now, on this thread. */
    private CompletableFuture<Void> flushNow() {
        long start = System.nanoTime();
        String sql = mode() == Mode.CHECKPOINT_SYNC ? "CHECKPOINT SYNC" : "CHECKPOINT";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return DONE;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not make committed changes durable (" + sql + ")", e);
            return CompletableFuture.failedFuture(e);
        } finally {
            groups.incrementAndGet();
            flushNanos.addAndGet(System.nanoTime() - start);
        }
    }

    @PreDestroy
    void stop() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
    }
}
