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
    /** The last-heard time last written to the charger's record ({@link PresenceMonitor}). */
    private volatile Instant lastHeardStored;
    private volatile boolean booted;
    private final FrameLog frames;
    private final String remoteAddress;
    private final java.util.concurrent.atomic.AtomicBoolean counted;

    public ChargerConnection(String chargerId, Session session, ProtocolAdapter adapter, ScheduledExecutorService
            scheduler, Clock clock, FrameLog frames, ConnectionRegistry.Reservation reservation) {
        this.chargerId = chargerId;
        this.remoteAddress = reservation == null ? "unknown" : reservation.address();
        this.counted = new java.util.concurrent.atomic.AtomicBoolean(reservation != null && reservation.counted());
        this.frames = frames;
        this.session = session;
        this.adapter = adapter;
        this.calls = new CallQueue(chargerId, this::send, scheduler, clock);
        this.lastHeard = clock.instant();
        this.lastPing = lastHeard;
        this.lastHeardStored = lastHeard; // connecting wrote it
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

    /** The address the connection's upgrade came from (after a reverse proxy's X-Forwarded-For). */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** True once, for a connection counted at its address: the registry counts it out once. */
    boolean releaseCount() {
        return counted.compareAndSet(true, false);
    }

    /** Whether the charger sent a BootNotification on this connection. */
    public boolean booted() {
        return booted;
    }

    public void bootReceived() {
        booted = true;
    }

    public void heard(Instant at) {
        lastHeard = at;
    }

    /** When the charger was last heard, if that is later than what its record holds; empty otherwise. */
    java.util.Optional<Instant> lastHeardToStore() {
        Instant heard = lastHeard;
        return heard.isAfter(lastHeardStored) ? java.util.Optional.of(heard) : java.util.Optional.empty();
    }

    /** The record now holds {@code at} as when the charger was last heard. */
    void lastHeardStored(Instant at) {
        if (at.isAfter(lastHeardStored)) {
            lastHeardStored = at;
        }
    }

    /** Sends one text frame. Sends on one session are serialised, as JSR-356 requires. */
    public boolean send(String text) {
        synchronized (session) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                frames.out(chargerId, text);
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
