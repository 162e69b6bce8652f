package io.plughome.ocpp;

import io.plughome.charger.ChargerService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An EJB interval timer that keeps presence honest: it pings quiet connections (keeping NAT
 * paths open and drawing a pong from live chargers) and closes connections that have been
 * silent too long, so a charger behind a half-open socket is shown offline. It also writes when
 * each connected charger was last heard to its record, in bulk: frames themselves write nothing
 * for that, so a crash loses at most one sweep of {@code lastSeen}, never a reading.
 */
@Singleton
@Startup
public class PresenceMonitor {

    private static final Logger LOG = Logger.getLogger(PresenceMonitor.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ConnectionRegistry registry;

    @Inject
    OcppConfig config;

    @Inject
    Clock clock;

    @Inject
    ChargerService chargers;

    /** Chargers whose last-heard time is written per transaction. */
    static final int WRITE_BACK_CHUNK = 500;

    @PostConstruct
    void schedule() {
        long period = config.presenceSweepSeconds() * 1000L;
        TimerConfig timer = new TimerConfig("presence-sweep", false);
        timers.createIntervalTimer(period, period, timer);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        Instant now = clock.instant();
        registry.expireReservations(java.time.Duration.ofSeconds(60));
        for (ChargerConnection connection : registry.all()) {
            if (connection.lastHeard().plusSeconds(config.silenceLimitSeconds()).isBefore(now)) {
                LOG.info(() -> "Charger " + connection.chargerId() + " silent since " + connection.lastHeard()
                        + "; closing its connection");
                registry.unregister(connection, "silent since " + connection.lastHeard());
                connection.close(CloseReason.CloseCodes.GOING_AWAY, "No frames received; connection presumed dead");
            } else {
                connection.pingIfQuiet(now, config.pingSeconds());
            }
        }
        writeBack(registry.all());
    }

    /** Writes the last-heard times that moved since the last write, {@link #WRITE_BACK_CHUNK} per transaction. */
    void writeBack(Collection<ChargerConnection> connections) {
        Map<String, Instant> chunk = new HashMap<>();
        List<ChargerConnection> written = new ArrayList<>();
        for (ChargerConnection connection : connections) {
            Optional<Instant> heard = connection.lastHeardToStore();
            if (heard.isPresent()) {
                chunk.put(connection.chargerId(), heard.get());
                written.add(connection);
            }
            if (chunk.size() >= WRITE_BACK_CHUNK) {
                store(chunk, written);
            }
        }
        store(chunk, written);
    }

    private void store(Map<String, Instant> chunk, List<ChargerConnection> written) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            chargers.lastHeard(chunk);
            written.forEach(c -> c.lastHeardStored(chunk.get(c.chargerId())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store when " + chunk.size() + " chargers were last heard", e);
        }
        chunk.clear();
        written.clear();
    }
}
