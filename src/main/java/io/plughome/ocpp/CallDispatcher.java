package io.plughome.ocpp;

import io.plughome.charger.ChargerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers the CALLs chargers send: finds the action in the version's table, reads and validates
 * the payload, runs the handler (which stores what it must before it returns) and encodes the
 * answer, all in one transaction ({@link FrameTransaction}), or in one shared with other chargers'
 * frames ({@link #answerTogether}). Every failure becomes a CALLERROR in the version's words;
 * nothing reaches the charger as a stack trace and nothing closes the socket.
 */
@ApplicationScoped
public class CallDispatcher {

    private static final Logger LOG = Logger.getLogger(CallDispatcher.class.getName());

    private static final String NOT_PROCESSED = "Internal error; the message was not processed";

    /** The same name in every OCPP version. */
    private static final String BOOT_NOTIFICATION = "BootNotification";

    @Inject
    ChargerService chargers;

    @Inject
    FrameTransaction frames;

    @Inject
    Admission admission;

    /** A CALL received on a connection, to be answered. */
    public record Received(ChargerConnection connection, Frame.Call call) {
    }

    /** How the CALL's work is committed: {@link Action.Storing#OWN} for an action the version does not know. */
    public Action.Storing storing(ChargerConnection connection, Frame.Call call) {
        return connection.adapter().action(call.action()).map(Action::storing).orElse(Action.Storing.OWN);
    }

    /** Answers one CALL, in a transaction of its own (none for an action that stores nothing). */
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
            admission.arrived(chargerId); // answered now, on this thread: its place goes to the next charger
        }
        Deviations deviations = new Deviations();
        try {
            if (action.get().storing() == Action.Storing.NOTHING) {
                try {
                    return work(connection, call, action.get(), deviations);
                } finally {
                    recordDeviations(chargerId, deviations);
                }
            }
            return frames.run(() -> {
                try {
                    return work(connection, call, action.get(), deviations);
                } finally {
                    recordDeviations(chargerId, deviations); // in the frame's transaction
                }
            });
        } catch (OcppException e) {
            return error(adapter, call, e.problem(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Handling " + call.action() + " from " + chargerId + " failed", e);
            recordDeviations(chargerId, deviations); // the frame's transaction was rolled back
            return error(adapter, call, Problem.INTERNAL, NOT_PROCESSED);
        }
    }

    /**
     * Answers CALLs of several chargers, each of an action stored {@link Action.Storing#SHARED},
     * in one transaction: the answers in their order, or empty when that transaction failed (a
     * frame's handler failed, or the commit did), in which case nothing of them was stored and
     * the caller answers each {@link #answer alone}. A charger's mistake (a CALLERROR) stays its
     * own frame's answer, as alone.
     */
    public Optional<List<Frame>> answerTogether(List<Received> received) {
        List<Frame> answers = new ArrayList<>(received.size());
        try {
            frames.run(() -> {
                for (Received r : received) {
                    ProtocolAdapter adapter = r.connection().adapter();
                    Optional<Action<?, ?>> action = adapter.action(r.call().action());
                    if (action.isEmpty() || action.get().storing() != Action.Storing.SHARED) {
                        throw new IllegalArgumentException(r.call().action() + " is not stored together");
                    }
                    Deviations deviations = new Deviations();
                    try {
                        answers.add(work(r.connection(), r.call(), action.get(), deviations));
                    } catch (OcppException e) {
                        answers.add(error(adapter, r.call(), e.problem(), e.getMessage()));
                    } finally {
                        recordDeviations(r.connection().chargerId(), deviations);
                    }
                }
                return null;
            });
            return Optional.of(answers);
        } catch (OcppException | RuntimeException e) {
            LOG.log(Level.FINE, "A shared transaction of " + received.size() + " frames failed; each is stored alone", e);
            return Optional.empty();
        }
    }

    /** The answer to a CALL whose storing ended in an error outside any handler: stored nothing, send it again. */
    public Frame notStored(Received received) {
        return error(received.connection().adapter(), received.call(), Problem.INTERNAL, NOT_PROCESSED);
    }

    /** The frame's work, inside its transaction: the accepted check, the handler, the answer. */
    private Frame work(ChargerConnection connection, Frame.Call call, Action<?, ?> action, Deviations deviations)
            throws OcppException {
        ProtocolAdapter adapter = connection.adapter();
        if (!action.beforeAcceptance() && !chargers.accepted(connection.chargerId())) {
            return error(adapter, call, Problem.SECURITY,
                    "Charger is not accepted yet; only BootNotification and Heartbeat are answered");
        }
        JsonValue payload = handle(adapter.codec(), action,
                new CallContext(connection.chargerId(), adapter.subprotocol(), deviations), call);
        return new Frame.CallResult(call.messageId(), payload);
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
