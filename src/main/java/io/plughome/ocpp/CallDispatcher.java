package io.plughome.ocpp;

import io.plughome.charger.ChargerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers the CALLs chargers send: finds the action in the version's table, reads and validates
 * the payload, runs the handler (which stores what it must before it returns) and encodes the
 * answer, all in one transaction ({@link FrameTransaction}). Every failure becomes a CALLERROR in
 * the version's words; nothing reaches the charger as a stack trace and nothing closes the socket.
 */
@ApplicationScoped
public class CallDispatcher {

    private static final Logger LOG = Logger.getLogger(CallDispatcher.class.getName());

    /** The same name in every OCPP version. */
    private static final String BOOT_NOTIFICATION = "BootNotification";

    @Inject
    ChargerService chargers;

    @Inject
    FrameTransaction frames;

    public Frame answer(ChargerConnection connection, Frame.Call call) {
        ProtocolAdapter adapter = connection.adapter();
        String chargerId = connection.chargerId();
        Optional<Action<?, ?>> action = adapter.action(call.action());
        if (action.isEmpty()) {
            String name = call.action().length() > 60 ? call.action().substring(0, 60) + "..." : call.action();
            return error(adapter, call, Problem.NOT_IMPLEMENTED, "Unknown action " + name);
        }
        if (BOOT_NOTIFICATION.equals(call.action())) {
            connection.bootReceived();
        }
        Deviations deviations = new Deviations();
        try {
            return frames.run(() -> {
                try {
                    if (!action.get().beforeAcceptance() && !chargers.accepted(chargerId)) {
                        return error(adapter, call, Problem.SECURITY,
                                "Charger is not accepted yet; only BootNotification and Heartbeat are answered");
                    }
                    JsonValue payload = handle(adapter.codec(), action.get(),
                            new CallContext(chargerId, adapter.subprotocol(), deviations), call);
                    return new Frame.CallResult(call.messageId(), payload);
                } finally {
                    recordDeviations(chargerId, deviations); // in the frame's transaction
                }
            });
        } catch (OcppException e) {
            return error(adapter, call, e.problem(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Handling " + call.action() + " from " + chargerId + " failed", e);
            recordDeviations(chargerId, deviations); // the frame's transaction was rolled back
            return error(adapter, call, Problem.INTERNAL, "Internal error; the message was not processed");
        }
    }

    private static <Q extends Record, R extends Record> JsonValue handle(RecordCodec codec, Action<Q, R> action,
            CallContext context, Frame.Call call) throws OcppException {
        Q request = codec.read(call.payload(), action.request(), context.deviations());
        R response = action.handler().handle(context, request);
        return codec.write(response);
    }

    private void recordDeviations(String chargerId, Deviations deviations) {
        if (deviations.isEmpty()) {
            return;
        }
        try {
            chargers.deviated(chargerId, deviations.all());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count deviations of " + chargerId, e);
        }
    }

    /** The longest CALLERROR description sent: a description quotes what was wrong, not all of it. */
    static final int MAX_DESCRIPTION = 255;

    private static Frame.CallError error(ProtocolAdapter adapter, Frame.Call call, Problem problem, String description) {
        String text = description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION - 3) + "..."
                : description;
        return new Frame.CallError(call.messageId(), adapter.errorCode(problem), text, null);
    }
}
