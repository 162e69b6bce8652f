package io.plughome.smart;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerEvents;
import io.plughome.charger.ChargerService;
import io.plughome.charger.Presence;
import io.plughome.charger.Registration;
import io.plughome.platform.OwnerZone;
import io.plughome.session.SessionEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
    ManagedScheduledExecutorService executor;

    private final AtomicBoolean planned = new AtomicBoolean();

    /** Plans the site again soon (on another thread); calls that come before it runs share it. */
    public void reconcile() {
        if (planned.compareAndSet(false, true)) {
            executor.execute(this::run);
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
        try {
            SiteState site = rules.snapshot();
            Set<String> online = presence.online();
            Map<String, Effective> plan = plan(site, online);
            for (String chargerId : online) {
                boolean accepted = chargers.byId(chargerId).map(c -> c.registration() == Registration.ACCEPTED)
                        .orElse(false);
                if (accepted) {
                    applier.want(chargerId, plan.get(chargerId), site.stored().get(chargerId));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Planning the chargers' limits failed", e);
        }
    }

    void online(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargerEvents.Online event) {
        applier.forget(event.chargerId());
        executor.schedule(this::reconcile, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
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
