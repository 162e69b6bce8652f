package io.plughome.smart;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerEvents;
import io.plughome.charger.ChargerService;
import io.plughome.charger.Presence;
import io.plughome.platform.OwnerZone;
import io.plughome.platform.Timers;
import io.plughome.session.SessionEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every connected charger at its effective limit. Whenever something that decides a limit
 * changes — a rule, a session starting or stopping, a charger connecting, a window opening or
 * closing (EJB timers, {@link ScheduleTimers}) — the whole site is planned again
 * ({@link SitePlan}) and each charger whose limit differs from what it holds gets a profile
 * ({@link ProfileApplier}). Requests that arrive while a plan is waiting to run share that run.
 */
@ApplicationScoped
public class SmartCharging {

    private static final Logger LOG = Logger.getLogger(SmartCharging.class.getName());

    /** A charger that just connected gets a moment to send its BootNotification first. */
    private static final long SETTLE_MILLIS = 1500;

    @Inject
    SmartRules rules;

    @Inject
    ProfileApplier applier;

    @Inject
    Presence presence;

    @Inject
    ChargerService chargers;

    @Inject
    OwnerZone zone;

    @Inject
    SmartConfig config;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Timers timers;

    private final AtomicBoolean planned = new AtomicBoolean();
    private final AtomicBoolean settling = new AtomicBoolean();
    private volatile long lastOnline;
    private volatile long notBefore;

    /**
     * Plans the site again soon (on another thread); calls that come before it runs share it. A
     * plan looks at every connected charger, so runs are paced: the next starts no sooner than
     * three times the last one took after it ended (at a home, microseconds; while 10,000 chargers
     * connect, planning keeps to a quarter of the time instead of running back to back).
     */
    public void reconcile() {
        if (planned.compareAndSet(false, true)) {
            long wait = notBefore - System.nanoTime();
            if (wait <= 0) {
                executor.execute(this::run);
            } else {
                timers.schedule(this::run, wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The effective limit of every charger now, by the stored rules. */
    public Map<String, Effective> plan(SiteState site, Set<String> alsoCharger) {
        Map<String, Rules> all = new HashMap<>(site.rules());
        alsoCharger.forEach(id -> all.putIfAbsent(id, Rules.NONE));
        return SitePlan.plan(all, charging(site), site.siteLimitA(), clock.instant(), zone.zone(), config.supply());
    }

    /**
     * The connectors that count as charging for the site limit: open sessions of connected
     * chargers, and of chargers heard from within the offline grace (they go on charging at their
     * last profile while their connection is down). Older open sessions of offline chargers are
     * left out: most are stops that never reached the server.
     */
    public Map<String, Integer> charging(SiteState site) {
        Set<String> online = presence.online();
        Instant cutoff = clock.instant().minus(config.offlineGrace());
        Map<String, Integer> counted = new HashMap<>();
        site.charging().forEach((id, connectors) -> {
            boolean recent = online.contains(id) || chargers.byId(id).map(Charger::lastSeen)
                    .filter(seen -> seen.isAfter(cutoff)).isPresent();
            if (recent) {
                counted.put(id, connectors);
            }
        });
        return counted;
    }

    /** One charger's effective limit now. */
    public Effective effective(String chargerId) {
        return plan(rules.snapshot(), Set.of(chargerId)).get(chargerId);
    }

    private void run() {
        planned.set(false);
        long started = System.nanoTime();
        try {
            SiteState site = rules.snapshot();
            Set<String> online = presence.online();
            Map<String, Effective> plan = plan(site, online);
            Set<String> accepted = chargers.acceptedIds();
            for (String chargerId : online) {
                if (accepted.contains(chargerId)) {
                    applier.want(chargerId, plan.get(chargerId), site.stored().get(chargerId));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Planning the chargers' limits failed", e);
        } finally {
            long ended = System.nanoTime();
            notBefore = ended + 3 * (ended - started);
        }
    }

    /**
     * A charger connected: plan again once it has had a moment to boot. One timer serves every
     * charger connecting meanwhile (10,000 reconnecting after a restart set one timer, not
     * 10,000); when it fires, chargers that connected after it was set get another.
     */
    void online(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargerEvents.Online event) {
        applier.forget(event.chargerId());
        lastOnline = System.nanoTime();
        if (settling.compareAndSet(false, true)) {
            timers.schedule(this::settled, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void settled() {
        settling.set(false);
        reconcile();
        long left = TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS) - (System.nanoTime() - lastOnline);
        if (left > 0 && settling.compareAndSet(false, true)) {
            timers.schedule(this::settled, left, TimeUnit.NANOSECONDS);
        }
    }

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEvents.Started event) {
        reconcile();
    }

    void stopped(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEvents.Stopped event) {
        try {
            rules.sessionEnded(event.chargerId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the override of " + event.chargerId(), e);
        }
        reconcile();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged event) {
        reconcile();
    }

    /** A charger was approved: it may be sent profiles from now on. */
    public void approved(String chargerId) {
        applier.forget(chargerId);
        reconcile();
    }
}
