package io.plughome.ocpp;

import io.plughome.charger.RegistrationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the OCPP WebSocket edge. */
@ApplicationScoped
public class OcppConfig {

    @Inject
    @ConfigProperty(name = "plughome.ocpp.max-frame-bytes", defaultValue = "262144")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "plughome.ws.ping.seconds", defaultValue = "60")
    int pingSeconds;

    /** Owns the heartbeat interval, which the silence limit derives from. */
    @Inject
    RegistrationConfig registration;

    @Inject
    @ConfigProperty(name = "plughome.presence.grace.seconds", defaultValue = "60")
    int presenceGraceSeconds;

    @Inject
    @ConfigProperty(name = "plughome.presence.sweep.seconds", defaultValue = "30")
    int presenceSweepSeconds;

    @Inject
    @ConfigProperty(name = "plughome.max.connections.per.address", defaultValue = "100")
    int maxConnectionsPerAddress;

    /**
     * Charger connections open at once from one remote address (a charger's own reconnect does
     * not count against it); more are refused with 429. Chargers behind one NAT share an address.
     */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    @Inject
    @ConfigProperty(name = "plughome.max.arriving", defaultValue = "200")
    int maxArriving;

    /**
     * Charger connections let in at once that have not booted yet; more are asked to come back
     * later with 503 and Retry-After ({@link Admission}).
     */
    public int maxArriving() {
        return maxArriving;
    }

    @Inject
    @ConfigProperty(name = "plughome.boot.trigger.seconds", defaultValue = "10")
    int bootTriggerSeconds;

    /**
     * A charger that reconnects and sends no BootNotification within this many seconds is asked
     * for one (and for its StatusNotifications); 0 turns this off.
     */
    public int bootTriggerSeconds() {
        return bootTriggerSeconds;
    }

    /** Frames larger than this close the socket with 1009 (default 256 KiB). */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** A WebSocket ping is sent to a connection silent for this long, keeping NAT paths open. */
    public int pingSeconds() {
        return pingSeconds;
    }

    /**
     * A connection that has sent nothing (no frame, no pong) for two heartbeat intervals plus
     * the grace is taken as half-open and closed, and its charger shown offline.
     */
    public long silenceLimitSeconds() {
        return 2L * registration.heartbeatInterval() + presenceGraceSeconds;
    }

    public int presenceSweepSeconds() {
        return presenceSweepSeconds;
    }
}
