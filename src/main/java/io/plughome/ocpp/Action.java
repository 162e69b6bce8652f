package io.plughome.ocpp;

/**
 * One row of a version's action table: the action name, its request record, and the handler that
 * turns a request into a response record (a thin wire -> domain -> wire step).
 *
 * @param beforeAcceptance whether a charger that is not (yet) accepted may send it
 */
public record Action<Q extends Record, R extends Record>(String name, Class<Q> request, Handler<Q, R> handler,
        boolean beforeAcceptance) {

    /** Handles one request of an action. */
    @FunctionalInterface
    public interface Handler<Q, R> {
        R handle(CallContext context, Q request) throws OcppException;
    }

    public static <Q extends Record, R extends Record> Action<Q, R> of(String name, Class<Q> request,
            Handler<Q, R> handler) {
        return new Action<>(name, request, handler, false);
    }

    /** An action a charger may send while its registration is pending or rejected. */
    public static <Q extends Record, R extends Record> Action<Q, R> always(String name, Class<Q> request,
            Handler<Q, R> handler) {
        return new Action<>(name, request, handler, true);
    }
}
