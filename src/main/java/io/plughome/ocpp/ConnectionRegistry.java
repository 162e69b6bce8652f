package io.plughome.ocpp;

import io.plughome.charger.ChargerEvents;
import io.plughome.charger.Presence;
import io.plughome.platform.DomainEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import java.time.Instant;
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

    private final ConcurrentMap<String, ChargerConnection> connections = new ConcurrentHashMap<>();

    @Inject
    Event<DomainEvent> events;

    @Inject
    Clock clock;

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
        boolean removed = connections.remove(connection.chargerId(), connection);
        if (removed) {
            events.fire(new ChargerEvents.Offline(connection.chargerId(), clock.instant(), reason));
        }
        return removed;
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
