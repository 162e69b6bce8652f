package io.plughome.ocpp;

/**
 * One row of a version's action table: the action name, its request record, and the handler that
 * turns a request into a response record (a thin wire -> domain -> wire step).
 *
 * @param beforeAcceptance whether a charger that is not (yet) accepted may send it
 * @param storing how what the handler stores is committed before the answer goes out
 */
public record Action<Q extends Record, R extends Record>(String name, Class<Q> request, Handler<Q, R> handler,
        boolean beforeAcceptance, Storing storing) {

    /** Handles one request of an action. */
    @FunctionalInterface
    public interface Handler<Q, R> {
        R handle(CallContext context, Q request) throws OcppException;
    }

    /** How a CALL's work is committed before it is answered. */
    public enum Storing {
        /** In a transaction of its own, answered once the group commit made it durable. */
        OWN,
        /**
         * In a transaction shared with other chargers' frames that only store what they report
         * (readings, status, transaction events), by {@link FrameBatcher}; answered once that
         * commit is durable. A frame that fails in the shared transaction is stored again alone.
         */
        SHARED,
        /** Nothing to store (Heartbeat): answered at once, without a transaction or a wait for the disk. */
        NOTHING
    }

    public static <Q extends Record, R extends Record> Action<Q, R> of(String name, Class<Q> request,
            Handler<Q, R> handler) {
        return new Action<>(name, request, handler, false, Storing.OWN);
    }

    /** An action a charger may send while its registration is pending or rejected. */
    public static <Q extends Record, R extends Record> Action<Q, R> always(String name, Class<Q> request,
            Handler<Q, R> handler) {
        return new Action<>(name, request, handler, true, Storing.OWN);
    }

    /** The same action, stored in a transaction shared with other chargers' frames. */
    public Action<Q, R> shared() {
        return new Action<>(name, request, handler, beforeAcceptance, Storing.SHARED);
    }

    /** The same action, which stores nothing. */
    public Action<Q, R> storingNothing() {
        return new Action<>(name, request, handler, beforeAcceptance, Storing.NOTHING);
    }
}
