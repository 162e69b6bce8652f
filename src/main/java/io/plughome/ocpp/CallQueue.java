package io.plughome.ocpp;

import io.plughome.control.CommandFailure;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The calls this server sends to one charger connection: message id -> pending answer. One call
 * is in flight at a time, as OCPP-J requires; later ones wait in order. The answer completes it
 * (a {@link Frame.CallResult} or {@link Frame.CallError}); the timeout, counted from the moment
 * the call goes on the wire, fails it with a {@link CommandFailure}; so does a closed socket, at
 * once, for the call in flight and every waiting one. A call that waited longer than its timeout
 * behind others is failed without being sent.
 *
 * <p>Futures are completed outside the lock, so nothing a caller chains onto them runs while
 * the queue is held.
 */
public final class CallQueue {

    private static final Logger LOG = Logger.getLogger(CallQueue.class.getName());

    private final String chargerId;
    private final Predicate<String> wire;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    private final Deque<Pending> waiting = new ArrayDeque<>();
    private Pending inFlight;
    private boolean closed;

    private static final class Pending {
        final String messageId = UUID.randomUUID().toString();
        final String action;
        final JsonObject payload;
        final Duration timeout;
        final Instant queuedAt;
        final CompletableFuture<Frame> answer = new CompletableFuture<>();
        ScheduledFuture<?> timer;

        Pending(String action, JsonObject payload, Duration timeout, Instant queuedAt) {
            this.action = action;
            this.payload = payload;
            this.timeout = timeout;
            this.queuedAt = queuedAt;
        }
    }

    /** A completion to run after the lock is released. */
    private record Completion(Pending call, Frame answer, CommandFailure failure) {
        void run() {
            if (call.timer != null) {
                call.timer.cancel(false);
            }
            if (failure != null) {
                call.answer.completeExceptionally(failure);
            } else {
                call.answer.complete(answer);
            }
        }
    }

    /**
     * @param wire sends one text frame on the connection; false if it could not
     */
    public CallQueue(String chargerId, Predicate<String> wire, ScheduledExecutorService scheduler, Clock clock) {
        this.chargerId = chargerId;
        this.wire = wire;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Queues a CALL; the future completes with the charger's CALLRESULT or CALLERROR frame. */
    public CompletableFuture<Frame> submit(String action, JsonObject payload, Duration timeout) {
        Pending call = new Pending(action, payload, timeout, clock.instant());
        List<Completion> done = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                done.add(new Completion(call, null, CommandFailure.disconnected(chargerId)));
            } else {
                waiting.addLast(call);
                if (inFlight == null) {
                    sendNext(done);
                }
            }
        }
        done.forEach(Completion::run);
        return call.answer;
    }

    /** An answer from the charger. Answers to calls that timed out or were never sent are dropped. */
    public void answered(Frame frame) {
        List<Completion> done = new ArrayList<>();
        synchronized (this) {
            if (inFlight == null || !inFlight.messageId.equals(frame.messageId())) {
                LOG.info(() -> "Charger " + chargerId + " answered message " + frame.messageId()
                        + ", which is not the call in flight (late after a timeout, or never sent); dropped");
                return;
            }
            done.add(new Completion(inFlight, frame, null));
            inFlight = null;
            sendNext(done);
        }
        done.forEach(Completion::run);
    }

    /** The socket closed: every call still pending fails at once. */
    public void close() {
        List<Completion> done = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (inFlight != null) {
                done.add(new Completion(inFlight, null, CommandFailure.disconnected(chargerId)));
                inFlight = null;
            }
            waiting.forEach(call -> done.add(new Completion(call, null, CommandFailure.offline(chargerId))));
            waiting.clear();
        }
        done.forEach(Completion::run);
    }

    /** Number of calls in flight or waiting. */
    public synchronized int size() {
        return waiting.size() + (inFlight == null ? 0 : 1);
    }

    private void timedOut(Pending call) {
        List<Completion> done = new ArrayList<>();
        synchronized (this) {
            if (inFlight != call) {
                return;
            }
            LOG.info(() -> "Charger " + chargerId + " did not answer " + call.action + " (" + call.messageId
                    + ") within " + call.timeout.toSeconds() + " s");
            done.add(new Completion(call, null, CommandFailure.timeout(chargerId, call.timeout.toSeconds(), true)));
            inFlight = null;
            sendNext(done);
        }
        done.forEach(Completion::run);
    }

    /** Puts the next waiting call on the wire. Holds the lock. */
    private void sendNext(List<Completion> done) {
        while (inFlight == null && !waiting.isEmpty()) {
            Pending next = waiting.pollFirst();
            if (next.queuedAt.plus(next.timeout).isBefore(clock.instant())) {
                done.add(new Completion(next, null,
                        CommandFailure.timeout(chargerId, next.timeout.toSeconds(), false)));
                continue;
            }
            if (!wire.test(new Frame.Call(next.messageId, next.action, next.payload).toJson())) {
                done.add(new Completion(next, null, CommandFailure.disconnected(chargerId)));
                continue;
            }
            inFlight = next;
            next.timer = scheduler.schedule(() -> timedOut(next), next.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
