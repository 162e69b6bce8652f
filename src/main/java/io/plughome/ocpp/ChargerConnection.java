package io.plughome.ocpp;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One live WebSocket connection of a charger, and the version it speaks. */
public final class ChargerConnection {

    private static final Logger LOG = Logger.getLogger(ChargerConnection.class.getName());

    private final String chargerId;
    private final Session session;
    private final ProtocolAdapter adapter;
    private final CallQueue calls;
    private volatile Instant lastHeard;
    private volatile Instant lastPing;

    public ChargerConnection(String chargerId, Session session, ProtocolAdapter adapter, ScheduledExecutorService
            scheduler, Clock clock) {
        this.chargerId = chargerId;
        this.session = session;
        this.adapter = adapter;
        this.calls = new CallQueue(chargerId, this::send, scheduler, clock);
        this.lastHeard = clock.instant();
        this.lastPing = lastHeard;
    }

    /** The calls this server sends on this connection, one at a time. */
    public CallQueue calls() {
        return calls;
    }

    public String chargerId() {
        return chargerId;
    }

    public ProtocolAdapter adapter() {
        return adapter;
    }

    public Session session() {
        return session;
    }

    public Instant lastHeard() {
        return lastHeard;
    }

    public void heard(Instant at) {
        lastHeard = at;
    }

    /** Sends one text frame. Sends on one session are serialised, as JSR-356 requires. */
    public boolean send(String text) {
        synchronized (session) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                session.getBasicRemote().sendText(text);
                return true;
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Send to " + chargerId + " failed", e);
                return false;
            }
        }
    }

    /** Sends a ping if the connection has been quiet for {@code quietSeconds}. */
    public void pingIfQuiet(Instant now, long quietSeconds) {
        if (lastHeard.plusSeconds(quietSeconds).isAfter(now) || lastPing.plusSeconds(quietSeconds).isAfter(now)) {
            return;
        }
        lastPing = now;
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {'p', 'h'}));
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Ping to " + chargerId + " failed", e);
            }
        }
    }

    /** Closes the socket; calls still pending fail at once. */
    public void close(CloseReason.CloseCode code, String reason) {
        calls.close();
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close of " + chargerId + " failed", e);
        }
    }
}
