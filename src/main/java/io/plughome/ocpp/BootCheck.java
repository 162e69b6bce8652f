package io.plughome.ocpp;

import io.plughome.control.Command;
import io.plughome.control.ControlConfig;
import io.plughome.control.TriggerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A charger that reconnects without a BootNotification (it kept running while the server or the
 * network was away) would show what the server last knew: its firmware, its connectors' states.
 * A short while after such a connection opens, it is asked for a BootNotification and then for
 * its StatusNotifications (TriggerMessage), so what is shown is fresh.
 */
@ApplicationScoped
public class BootCheck {

    private static final Logger LOG = Logger.getLogger(BootCheck.class.getName());

    @Inject
    OcppConfig config;

    @Inject
    OutboundCalls outbound;

    @Inject
    ControlConfig control;

    /** Looks at the new connection again after the configured delay. */
    public void watch(ChargerConnection connection) {
        int delay = config.bootTriggerSeconds();
        if (delay <= 0) {
            return;
        }
        outbound.scheduler().schedule(() -> check(connection), delay, TimeUnit.SECONDS);
    }

    void check(ChargerConnection connection) {
        if (connection.booted() || !connection.session().isOpen()) {
            return;
        }
        String id = connection.chargerId();
        LOG.info(() -> "Charger " + id + " reconnected without a BootNotification; asking it for one");
        outbound.send(id, new Command.Trigger(TriggerMessage.BOOT_NOTIFICATION, null), control.timeout())
                .ifPresent(boot -> boot.whenComplete((reply, error) -> {
                    if (error != null) {
                        LOG.log(Level.FINE, "TriggerMessage(BootNotification) to " + id + " failed", error);
                    }
                    outbound.send(id, new Command.Trigger(TriggerMessage.STATUS_NOTIFICATION, null), control.timeout());
                }));
    }
}
