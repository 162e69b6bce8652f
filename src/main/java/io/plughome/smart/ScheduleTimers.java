package io.plughome.smart;

import io.plughome.platform.OwnerZone;
import io.plughome.platform.StartupListener;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * EJB calendar timers at the edges of every charging window (in the owner's time zone, so they
 * follow daylight-saving changes), a single-action timer at the end of every override with an
 * end, and an interval sweep that re-checks every connected charger (a safety net for a missed
 * edge). Each of them asks {@link SmartCharging} to plan the site again; the limit itself is
 * always computed from the rules and the clock, never from which timer fired.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduleTimers {

    private static final Logger LOG = Logger.getLogger(ScheduleTimers.class.getName());

    private static final String SWEEP = "smart-sweep";

    @Resource
    TimerService timers;

    @Inject
    SmartRules rules;

    @Inject
    SmartCharging smart;

    @Inject
    OwnerZone zone;

    @Inject
    SmartConfig config;

    @Inject
    Clock clock;

    /** What a timer is for; kept with it (non-persistent timers need no more than Serializable). */
    record Edge(String kind, String chargerId, Long windowId) implements Serializable {
    }

    /** Once the schema is current (after the migrations at start-up): the sweep and the edge timers. */
    public void start(@Observes StartupListener.Started started) {
        long period = config.sweepSeconds() * 1000L;
        timers.createIntervalTimer(period, period, new TimerConfig(new Edge(SWEEP, null, null), false));
        rebuild();
    }

    /** Windows or overrides changed: the timers are made again from what is stored. */
    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged event) {
        if (event.windowsOrOverride()) {
            rebuild();
        }
    }

    /** Cancels the edge timers and makes them again from the stored windows and overrides. */
    public void rebuild() {
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Edge edge && !SWEEP.equals(edge.kind())) {
                timer.cancel();
            }
        }
        ZoneId owner = zone.zone();
        int count = 0;
        for (ChargingWindow stored : rules.allWindows()) {
            Window w = stored.window();
            calendar(stored, "window-start", w.days(), w.startMinute(), owner);
            calendar(stored, "window-end", w.endDays(), w.endMinuteOfDay(), owner);
            count += 2;
        }
        Instant now = clock.instant();
        for (var end : rules.overrideEnds().entrySet()) {
            if (end.getValue().isAfter(now)) {
                timers.createSingleActionTimer(Date.from(end.getValue()),
                        new TimerConfig(new Edge("override-end", end.getKey(), null), false));
                count++;
            }
        }
        int made = count;
        LOG.fine(() -> made + " smart-charging timers in " + owner);
    }

    private void calendar(ChargingWindow stored, String kind, Set<DayOfWeek> days, int minuteOfDay, ZoneId owner) {
        ScheduleExpression at = new ScheduleExpression()
                .dayOfWeek(days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .collect(Collectors.joining(",")))
                .hour(minuteOfDay / 60).minute(minuteOfDay % 60).second(0)
                .timezone(owner.getId());
        timers.createCalendarTimer(at, new TimerConfig(new Edge(kind, stored.chargerId(), stored.id()), false));
    }

    @Timeout
    void fired(Timer timer) {
        LOG.fine(() -> "Smart-charging timer " + timer.getInfo());
        try {
            smart.reconcile();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Smart-charging timer " + timer.getInfo() + " could not plan", e);
        }
    }
}
