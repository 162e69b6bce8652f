package io.plughome.smart;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every second, while an available-power input is followed: its hold time and timeout. */
@Singleton
@Startup
public class AvailablePowerWatch {

    private static final Logger LOG = Logger.getLogger(AvailablePowerWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AvailablePower power;

    @Inject
    SmartCharging smart;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig("available-power", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            if (power.active() && power.evaluate()) {
                LOG.fine(() -> "Available power now allows " + power.state().allowedCurrentA() + " A");
                smart.reconcile();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Following the available power failed", e);
        }
    }
}
