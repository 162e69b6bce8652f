package io.plughome.ocpp;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the frames of many chargers that only report (readings, status, transaction events) in
 * shared transactions: a frame is queued, and a few storers each take what is queued (up to
 * {@link #MAX_FRAMES}) and store it in one transaction ({@link CallDispatcher#answerTogether}).
 * A transaction, a database connection and a commit then serve many frames instead of one, and
 * the request threads that received them are free at once. At a home's rate a storer finds one
 * frame and the transaction is as before.
 *
 * <p>Nothing is acknowledged before it is stored: a frame's answer completes after the shared
 * commit, and the caller then waits for the group commit as for any frame. When the shared
 * transaction fails (one frame's handler failed, or the commit), nothing of it was stored and
 * every frame of it is stored again in a transaction of its own, so one bad frame costs only its
 * own answer.
 *
 * <p>Order: a charger's next CALL is handled only after its previous one is stored
 * ({@link OcppEndpoint}), so two frames of one charger are never in flight together. The queue
 * is bounded: beyond {@link #MAX_QUEUED} frames waiting, a frame is stored on the thread that
 * received it, which slows that reader down (back-pressure) instead of queueing without end.
 */
@ApplicationScoped
public class FrameBatcher {

    private static final Logger LOG = Logger.getLogger(FrameBatcher.class.getName());

    /** The most frames stored in one transaction. */
    static final int MAX_FRAMES = 64;

    /** The most frames waiting to be stored; beyond, frames are stored by the thread that read them. */
    static final int MAX_QUEUED = 20_000;

    @Inject
    CallDispatcher dispatcher;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Where storers run (a test's own threads). */
    java.util.concurrent.Executor storerThreads() {
        return executor;
    }

    private record Queued(CallDispatcher.Received received, CompletableFuture<Frame> answer) {
    }

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger storers = new AtomicInteger();
    /** {@link #MAX_QUEUED}; a test's own smaller bound. */
    int maxQueued = MAX_QUEUED;
    private final int maxStorers = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong storedAlone = new AtomicLong();

    /** Figures for /metrics: shared transactions committed, frames they stored, frames stored again alone. */
    public record Figures(long transactions, long frames, long storedAlone) {
    }

    /** Reports waiting to be stored now. */
    public int backlog() {
        return queued.get();
    }

    public Figures figures() {
        return new Figures(transactions.get(), frames.get(), storedAlone.get());
    }

    /**
     * The answer to a CALL of an action stored {@link Action.Storing#SHARED}, completed once what
     * it reported is committed (never exceptionally: a failure is a CALLERROR answer).
     */
    public CompletableFuture<Frame> store(ChargerConnection connection, Frame.Call call) {
        CallDispatcher.Received received = new CallDispatcher.Received(connection, call);
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return CompletableFuture.completedFuture(alone(received));
        }
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        queue.add(new Queued(received, answer));
        wakeStorer();
        return answer;
    }

    /** Starts a storer unless enough are running; a running storer takes whatever is queued. */
    private void wakeStorer() {
        while (true) {
            int running = storers.get();
            if (running >= maxStorers) {
                return;
            }
            if (storers.compareAndSet(running, running + 1)) {
                try {
                    storerThreads().execute(this::storeQueued);
                } catch (RejectedExecutionException e) {
                    // the server is stopping: store on this thread
                    storers.decrementAndGet();
                    storeQueuedHere();
                }
                return;
            }
        }
    }

    /** A storer: takes what is queued and stores it, until nothing is left. */
    private void storeQueued() {
        boolean normal = false;
        try {
            while (true) {
                List<Queued> batch = take();
                if (batch.isEmpty()) {
                    storers.decrementAndGet();
                    normal = true;
                    // a frame queued after the look but before the decrement found enough storers running
                    if (queue.isEmpty() || !takeBackSlot()) {
                        return;
                    }
                    normal = false;
                    continue;
                }
                storeBatch(batch);
            }
        } finally {
            if (!normal) {
                // an Error ended this storer: its place goes to another, so nothing queued is stranded
                storers.decrementAndGet();
                if (!queue.isEmpty()) {
                    wakeStorer();
                }
            }
        }
    }

    private boolean takeBackSlot() {
        while (true) {
            int running = storers.get();
            if (running >= maxStorers) {
                return false;
            }
            if (storers.compareAndSet(running, running + 1)) {
                return true;
            }
        }
    }

    private void storeQueuedHere() {
        for (List<Queued> batch = take(); !batch.isEmpty(); batch = take()) {
            storeBatch(batch);
        }
    }

    private List<Queued> take() {
        List<Queued> batch = new ArrayList<>();
        Queued next;
        while (batch.size() < MAX_FRAMES && (next = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }

    private void storeBatch(List<Queued> batch) {
        try {
            if (batch.size() == 1) {
                transactions.incrementAndGet();
                frames.incrementAndGet();
                batch.get(0).answer().complete(alone(batch.get(0).received()));
                return;
            }
            try {
                Optional<List<Frame>> answers = dispatcher.answerTogether(
                        batch.stream().map(Queued::received).toList());
                if (answers.isPresent()) {
                    transactions.incrementAndGet();
                    frames.addAndGet(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).answer().complete(answers.get().get(i));
                    }
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Storing " + batch.size() + " frames together failed; storing each alone", e);
            }
            for (Queued q : batch) {
                if (!q.answer().isDone()) {
                    storedAlone.incrementAndGet();
                    q.answer().complete(alone(q.received()));
                }
            }
        } finally {
            // whatever ended this (an Error), every frame gets an answer, and its charger's next CALL its turn
            for (Queued q : batch) {
                if (!q.answer().isDone()) {
                    q.answer().complete(dispatcher.notStored(q.received()));
                }
            }
        }
    }

    private Frame alone(CallDispatcher.Received received) {
        return dispatcher.answer(received.connection(), received.call());
    }
}
