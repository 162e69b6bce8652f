package io.plughome.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
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

/**
 * Runs {@link ReadingsRetention} every night at 03:30 (server time) and once ten minutes after
 * start, so a box that is off at night still thins. Each charger-day is its own transaction; the
 * timer itself holds none.
 */
@Singleton
@Startup
public class ReadingsRetentionTimer {

    private static final Logger LOG = Logger.getLogger(ReadingsRetentionTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ReadingsRetention retention;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().hour(3).minute(30), new TimerConfig("readings-retention",
                false));
        timers.createSingleActionTimer(10 * 60 * 1000L, new TimerConfig("readings-retention-at-start", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            retention.thinDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Thinning old meter readings failed; it is tried again at the next run", e);
        }
    }
}
