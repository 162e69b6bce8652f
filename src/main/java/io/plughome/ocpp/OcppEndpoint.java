package io.plughome.ocpp;

import io.plughome.charger.ChargerIds;
import io.plughome.charger.ChargerService;
import io.plughome.platform.Durability;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket endpoint every charger connects to, at {@code /ocpp/{chargePointId}} and at the
 * root form {@code /{chargePointId}}, upgraded by {@link OcppUpgradeFilter} only. One instance
 * per connection.
 */
@Dependent
public class OcppEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class.getName());

    public static final String PATH_PARAM = "chargePointId";

    @Inject
    ConnectionRegistry registry;

    @Inject
    Admission admission;

    @Inject
    ProtocolAdapters adapters;

    @Inject
    CallDispatcher dispatcher;

    @Inject
    ChargerService chargers;

    @Inject
    OcppConfig config;

    @Inject
    Clock clock;

    @Inject
    OutboundCalls outbound;

    @Inject
    Durability durability;

    @Inject
    FrameBatcher batcher;

    @Inject
    BootCheck bootCheck;

    @Inject
    OcppMetrics metrics;

    @Inject
    FrameLog frames;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private ChargerConnection connection;
    /** Completes once the charger's latest CALL is stored: its next one is handled after it. */
    private volatile CompletableFuture<Void> stored = DONE;
    private final StringBuilder message = new StringBuilder();
    private boolean tooBig;
    private long discarded;
    private boolean closing;

    @Override
    public void onOpen(Session session, EndpointConfig endpointConfig) {
        String chargerId = chargerId(session);
        Optional<ProtocolAdapter> adapter = adapters.forProtocol(session.getNegotiatedSubprotocol());
        if (chargerId == null || chargerId.isBlank() || adapter.isEmpty()) {
            LOG.warning(() -> "Refused WebSocket " + session.getRequestURI() + ": no charge point id or no common"
                    + " OCPP version (" + session.getNegotiatedSubprotocol() + ")");
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, "No charge point id or no common OCPP version");
            return;
        }
        if (registry.shuttingDown()) {
            close(session, CloseReason.CloseCodes.GOING_AWAY, "Server is shutting down");
            return;
        }
        session.setMaxTextMessageBufferSize(config.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(config.maxFrameBytes());
        session.setMaxIdleTimeout(0);
        connection = new ChargerConnection(chargerId, session, adapter.get(), outbound.scheduler(), clock,
                frames, registry.takeReservation(chargerId));
        try {
            chargers.connected(chargerId, adapter.get().subprotocol());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not register charger " + chargerId, e);
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "Server cannot store chargers right now");
            return;
        }
        registry.register(connection);
        bootCheck.watch(connection);
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) this::onPart);
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong ->
                connection.heard(clock.instant()));
        LOG.info(() -> "Charger " + chargerId + " connected (" + adapter.get().subprotocol() + ")");
    }

    /**
     * Collects a text message from its parts, so that a frame over the size limit is refused
     * (close code 1009, this socket only) without ever being held whole in memory.
     */
    void onPart(String part, boolean last) {
        if (tooBig) {
            // The rest of the frame is read and dropped, then the socket closes with 1009: closing
            // while the charger still sends would reset the connection and lose the close code.
            // A frame that never ends is closed on after four times the limit.
            discarded += part.length();
            if (last || discarded > 4L * config.maxFrameBytes()) {
                closeTooBig();
            }
            return;
        }
        if (message.length() + part.length() > config.maxFrameBytes()) {
            tooBig = true;
            message.setLength(0);
            LOG.warning(() -> "Charger " + connection.chargerId() + " sent a frame over " + config.maxFrameBytes()
                    + " bytes; closing its connection");
            if (last) {
                closeTooBig();
            }
            return;
        }
        message.append(part);
        if (last) {
            String text = message.toString();
            message.setLength(0);
            onText(text);
        }
    }

    private void closeTooBig() {
        if (!closing) {
            closing = true;
            connection.close(CloseReason.CloseCodes.TOO_BIG, "Frame larger than " + config.maxFrameBytes() + " bytes");
        }
    }

    void onText(String text) {
        connection.heard(clock.instant());
        frames.in(connection.chargerId(), text);
        Frame frame;
        try {
            frame = Frame.parse(text);
        } catch (Frame.Malformed malformed) {
            String code = connection.adapter().errorCode(malformed.problem());
            metrics.callError(code);
            metrics.message("unknown", "in");
            connection.send(new Frame.CallError(malformed.messageId(), code, malformed.getMessage(), null).toJson());
            return;
        }
        if (frame instanceof Frame.Call call) {
            answer(call);
        } else {
            connection.calls().answered(frame);
        }
    }

    /**
     * Answers a CALL, acknowledging only what is durable: the handler commits what it stored
     * (alone, or in a transaction shared with other chargers' frames, {@link FrameBatcher}), then
     * the answer waits (without holding this thread) for the group commit that makes the commit
     * durable, and goes out after it. When that fails the charger gets an error, not an
     * acknowledgement, and sends the message again. A CALL that arrives before the charger's
     * previous one is stored (OCPP says a charger waits for each answer; not every one does) is
     * handled after it, so a charger's frames are stored in the order it sent them, without holding
     * this thread (reading threads are shared by every connection: one waiting charger must not
     * stall the others). At most {@link #MAX_WAITING} CALLs, {@link #MAX_WAITING_CHARS} characters in
     * all, wait so per connection; beyond, a CALL is answered at once with a CALLERROR
     * (InternalError: send it again), so a client that never waits cannot fill the memory.
     */
    private void answer(Frame.Call call) {
        if (!registry.beginCall()) {
            // The server is shutting down: answer nothing, the charger sends it again to the next one.
            connection.close(CloseReason.CloseCodes.GOING_AWAY, "Server is shutting down");
            return;
        }
        long started = System.nanoTime();
        CompletableFuture<Void> previous = stored;
        if (previous.isDone()) {
            stored = handle(call, started);
            return;
        }
        int size = call.payload().toString().length();
        if (waiting.incrementAndGet() > MAX_WAITING || waitingChars.addAndGet(size) > MAX_WAITING_CHARS) {
            waiting.decrementAndGet();
            waitingChars.addAndGet(-size);
            sendAnswer(call, new Frame.CallError(call.messageId(), connection.adapter().errorCode(Problem.INTERNAL),
                    "More than " + MAX_WAITING + " messages sent without waiting for their answers; send this one"
                            + " again after the answers", null), DONE, started);
            return;
        }
        // onText is never called for one connection while it runs, so this chain is built in order
        stored = previous.exceptionally(e -> null).thenComposeAsync(v -> {
            waiting.decrementAndGet();
            waitingChars.addAndGet(-size);
            return handle(call, started);
        }, executor);
    }

    /** CALLs of one connection that may wait for its previous one to be stored. */
    static final int MAX_WAITING = 32;
    /** Their payloads' characters, in all. */
    static final int MAX_WAITING_CHARS = 1 << 20;

    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong waitingChars = new java.util.concurrent.atomic.AtomicLong();

    /** Handles a CALL; completes (never exceptionally) once what it stored is committed. */
    private CompletableFuture<Void> handle(Frame.Call call, long started) {
        try {
            Action.Storing storing = dispatcher.storing(connection, call);
            if (storing == Action.Storing.SHARED) {
                // the answer is sent on another thread, never on the storer's
                return batcher.store(connection, call).thenAccept(answer -> afterDurable(call, answer, started, false));
            }
            Frame answer = dispatcher.answer(connection, call);
            if (storing == Action.Storing.NOTHING) {
                sendAnswer(call, answer, DONE, started);
            } else {
                afterDurable(call, answer, started, true);
            }
            return DONE;
        } catch (RuntimeException e) {
            registry.endCall();
            LOG.log(Level.SEVERE, "Answering " + call.action() + " from " + connection.chargerId() + " failed", e);
            return DONE;
        }
    }

    /** Sends the answer once every commit so far is durable (on this thread if it is already and it may). */
    private void afterDurable(Frame.Call call, Frame answer, long started, boolean sendHere) {
        CompletableFuture<Void> durable = durability.afterCommit();
        if (durable.isDone() && sendHere) {
            sendAnswer(call, answer, durable, started);
        } else {
            durable.whenCompleteAsync((v, e) -> sendAnswer(call, answer, durable, started), executor);
        }
    }

    private void sendAnswer(Frame.Call call, Frame answer, CompletableFuture<Void> durable, long started) {
        try {
            if (durable.isCompletedExceptionally()) {
                answer = new Frame.CallError(call.messageId(), connection.adapter().errorCode(Problem.INTERNAL),
                        "The message could not be stored durably; send it again", null);
            }
            // counted before the answer goes out, so a client that got it sees it counted
            String action = connection.adapter().action(call.action()).isPresent() ? call.action() : "unknown";
            metrics.message(action, "in");
            metrics.handled(action, java.time.Duration.ofNanos(System.nanoTime() - started));
            if (answer instanceof Frame.CallError error) {
                metrics.callError(error.code());
            }
            connection.send(answer.toJson());
        } finally {
            registry.endCall();
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection == null) {
            return;
        }
        connection.calls().close();
        admission.arrived(connection.chargerId());
        connection.lastHeardToStore().ifPresent(at -> {
            try {
                chargers.lastHeard(java.util.Map.of(connection.chargerId(), at));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not store when " + connection.chargerId() + " was last heard", e);
            }
        });
        if (registry.unregister(connection, closeReason.getCloseCode() + " " + closeReason.getReasonPhrase())) {
            LOG.info(() -> "Charger " + connection.chargerId() + " disconnected: " + closeReason.getCloseCode()
                    + " " + closeReason.getReasonPhrase());
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error on " + (connection == null ? "?" : connection.chargerId()), error);
    }

    /**
     * The charge point id: the path parameter {@link OcppUpgradeFilter} upgraded the connection
     * with, after checking it and the charger's credentials. Nothing else is read: no path.
     */
    static String chargerId(Session session) {
        String id = session.getPathParameters().get(PATH_PARAM);
        return id != null && ChargerIds.isValid(id) ? id : null;
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (Exception e) {
            LOG.log(Level.FINE, "Close failed", e);
        }
    }
}
