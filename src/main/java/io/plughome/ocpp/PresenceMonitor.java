package io.plughome.ocpp;

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
import java.util.logging.Logger;

/**
 * An EJB interval timer that keeps presence honest: it pings quiet connections (keeping NAT
 * paths open and drawing a pong from live chargers) and closes connections that have been
 * silent too long, so a charger behind a half-open socket is shown offline.
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
    }
}
