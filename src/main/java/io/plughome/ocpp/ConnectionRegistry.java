package io.plughome.ocpp;

import io.plughome.charger.ChargerEvents;
import io.plughome.charger.Presence;
import io.plughome.platform.DomainEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live connection of each charger. A new connection for the same charger id replaces the
 * old one, which is closed (a charger that reconnects after a network change often leaves a
 * half-open socket behind).
 */
@ApplicationScoped
public class ConnectionRegistry implements Presence {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());

    private final ConcurrentMap<String, ChargerConnection> connections = new ConcurrentHashMap<>();

    /** CALLs being handled or waiting for their answer to go out; shutdown waits for them. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean shuttingDown;

    /** Open connections per remote address, and the upgrades counted that have not opened yet. */
    private final ConcurrentMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Reservation> reservations = new ConcurrentHashMap<>();

    @Inject
    OcppConfig config;

    @Inject
    Event<DomainEvent> events;

    @Inject
    Clock clock;

    /**
     * A connection reserved at the upgrade, before its endpoint opened; counted: it counts against
     * its address's limit (a charger that logged in with its shared secret does not).
     */
    public record Reservation(String address, Instant at, boolean counted) {
    }

    /**
     * Counts one more charger connection from this address, if allowed: fewer than the limit are
     * open (or being opened) from it, or this charger is reconnecting from it (its new connection
     * replaces the old). Counted at the upgrade, so a burst of upgrades cannot slip past the limit.
     */
    public boolean reserve(String address, String chargerId) {
        ChargerConnection current = connections.get(chargerId);
        boolean reconnect = current != null && address.equals(current.remoteAddress());
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            if (n != null && n.get() >= config.maxConnectionsPerAddress() && !reconnect) {
                return n;
            }
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            count.incrementAndGet();
            admitted[0] = true;
            return count;
        });
        if (admitted[0]) {
            replaceReservation(chargerId, new Reservation(address, clock.instant(), true));
        }
        return admitted[0];
    }

    /**
     * Reserves a connection for a charger that logged in with its shared secret, whatever its
     * address holds already: the per-address limit is for connections nobody vouched for (a car
     * park's chargers behind one NAT address each log in with their own secret).
     */
    public void reserveAuthenticated(String address, String chargerId) {
        replaceReservation(chargerId, new Reservation(address, clock.instant(), false));
    }

    private void replaceReservation(String chargerId, Reservation reservation) {
        Reservation earlier = reservations.put(chargerId, reservation);
        if (earlier != null && earlier.counted()) {
            release(earlier.address());
        }
    }

    /** The reservation of a charger's new connection (null: none), taken once by its endpoint. */
    public Reservation takeReservation(String chargerId) {
        return reservations.remove(chargerId);
    }

    /** The upgrade was refused after all (a wrong password): counted out again. */
    public void cancelReservation(String chargerId) {
        Reservation reservation = takeReservation(chargerId);
        if (reservation != null && reservation.counted()) {
            release(reservation.address());
        }
    }

    /** Releases reservations whose upgrade never opened an endpoint (a failed handshake). */
    public void expireReservations(Duration after) {
        Instant limit = clock.instant().minus(after);
        reservations.forEach((id, r) -> {
            if (r.at().isBefore(limit) && reservations.remove(id, r) && r.counted()) {
                release(r.address());
            }
        });
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public void register(ChargerConnection connection) {
        ChargerConnection previous = connections.put(connection.chargerId(), connection);
        if (previous != null && previous != connection) {
            previous.close(CloseReason.CloseCodes.NORMAL_CLOSURE, "Replaced by a new connection");
        }
        events.fire(new ChargerEvents.Online(connection.chargerId(), clock.instant(),
                connection.adapter().subprotocol()));
    }

    /** Removes the connection if it is still the charger's current one; true if it was. */
    public boolean unregister(ChargerConnection connection, String reason) {
        if (connection.releaseCount()) {
            release(connection.remoteAddress());
        }
        boolean removed = connections.remove(connection.chargerId(), connection);
        if (removed) {
            events.fire(new ChargerEvents.Offline(connection.chargerId(), clock.instant(), reason));
        }
        return removed;
    }

    /** A charger's CALL is being handled; false once shutdown has begun (the CALL is not handled). */
    public boolean beginCall() {
        inFlight.incrementAndGet();
        if (shuttingDown) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The CALL of {@link #beginCall()} has been answered. */
    public void endCall() {
        inFlight.decrementAndGet();
    }

    /**
     * Graceful shutdown: CALLs already being handled are answered (waiting up to {@code wait}),
     * no new one is taken, then every charger socket is closed with 1001 (going away), which
     * tells chargers to reconnect soon rather than after a long back-off.
     */
    public synchronized void shutdown(Duration wait) {
        if (shuttingDown && connections.isEmpty()) {
            return;
        }
        shuttingDown = true;
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warning(inFlight.get() + " charger messages were still being handled at shutdown");
        }
        Collection<ChargerConnection> open = all();
        for (ChargerConnection connection : open) {
            connection.close(CloseReason.CloseCodes.GOING_AWAY, "Server is restarting");
        }
        if (!open.isEmpty()) {
            LOG.info("Closed " + open.size() + " charger connections (1001 going away) for shutdown");
        }
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** How many CALLs are being handled right now. */
    public int callsInFlight() {
        return inFlight.get();
    }

    public Optional<ChargerConnection> get(String chargerId) {
        return Optional.ofNullable(connections.get(chargerId));
    }

    public Collection<ChargerConnection> all() {
        return List.copyOf(connections.values());
    }

    @Override
    public boolean isOnline(String chargerId) {
        ChargerConnection connection = connections.get(chargerId);
        return connection != null && connection.session().isOpen();
    }

    @Override
    public Optional<Instant> lastHeard(String chargerId) {
        return get(chargerId).map(ChargerConnection::lastHeard);
    }

    @Override
    public Set<String> online() {
        return connections.values().stream().filter(c -> c.session().isOpen()).map(ChargerConnection::chargerId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
