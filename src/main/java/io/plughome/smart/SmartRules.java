package io.plughome.smart;

import io.plughome.charger.ChargerService;
import io.plughome.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Use cases of the owner's smart-charging rules: a charger's limit, its charging windows, the
 * override, the site limit. Each change is stored, then announced ({@link RulesChanged}) so the
 * chargers are brought to their new limits once it is committed.
 */
@ApplicationScoped
@Transactional
public class SmartRules {

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    ChargerService chargers;

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    @Inject
    Event<RulesChanged> changed;

    @Inject
    AvailablePower availablePower;

    /** The stored rules of a charger; throws {@link NoSuchElementException} for an unknown charger. */
    public Optional<ChargerRules> of(String chargerId) {
        requireCharger(chargerId);
        return Optional.ofNullable(em.find(ChargerRules.class, chargerId));
    }

    /** A charger's rules as the limit policy reads them. */
    public Rules rules(String chargerId) {
        requireCharger(chargerId);
        return rulesOf(em.find(ChargerRules.class, chargerId), windowsOf(chargerId));
    }

    public ChargerRules setLimit(String chargerId, Limit limit) {
        ChargerRules rules = rulesRow(chargerId);
        rules.limit(limit, clock.instant());
        changed.fire(new RulesChanged(chargerId, false));
        return rules;
    }

    public List<ChargingWindow> windows(String chargerId) {
        requireCharger(chargerId);
        return em.createNamedQuery("ChargingWindow.findByCharger", ChargingWindow.class)
                .setParameter("chargerId", chargerId).getResultList();
    }

    public ChargingWindow addWindow(String chargerId, Window window) {
        requireCharger(chargerId);
        ChargingWindow stored = new ChargingWindow(chargerId, window, clock.instant());
        em.persist(stored);
        em.flush();
        changed.fire(new RulesChanged(chargerId, true));
        return stored;
    }

    public boolean deleteWindow(String chargerId, long windowId) {
        requireCharger(chargerId);
        ChargingWindow window = em.find(ChargingWindow.class, windowId);
        if (window == null || !window.chargerId().equals(chargerId)) {
            return false;
        }
        em.remove(window);
        changed.fire(new RulesChanged(chargerId, true));
        return true;
    }

    public ChargerRules setOverride(String chargerId, ChargeOverride override) {
        ChargerRules rules = rulesRow(chargerId);
        rules.override(override, clock.instant());
        changed.fire(new RulesChanged(chargerId, true));
        return rules;
    }

    /** Ends an override; false when there was none. */
    public boolean cancelOverride(String chargerId) {
        requireCharger(chargerId);
        ChargerRules rules = em.find(ChargerRules.class, chargerId);
        if (rules == null || rules.override() == null) {
            return false;
        }
        rules.override(null, clock.instant());
        changed.fire(new RulesChanged(chargerId, true));
        return true;
    }

    /**
     * Pauses (true) or resumes (false) a charger: paused, it is held at 0 with its session open,
     * until resumed or until the session ends. Answers whether anything changed.
     */
    public boolean setPaused(String chargerId, boolean paused) {
        ChargerRules rules = rulesRow(chargerId);
        if (rules.paused() == paused) {
            return false;
        }
        rules.paused(paused, clock.instant());
        changed.fire(new RulesChanged(chargerId, true));
        return true;
    }

    /**
     * A session on the charger ended: an override "until the session ends" ends with it, and so
     * does a pause (the next car charges as usual).
     */
    public void sessionEnded(String chargerId) {
        ChargerRules rules = em.find(ChargerRules.class, chargerId);
        if (rules == null) {
            return;
        }
        boolean change = false;
        if (rules.override() != null && rules.override().untilSessionEnds()) {
            rules.override(null, clock.instant());
            change = true;
        }
        if (rules.paused()) {
            rules.paused(false, clock.instant());
            change = true;
        }
        if (change) {
            changed.fire(new RulesChanged(chargerId, true));
        }
    }

    public Optional<SiteLimit> siteLimit() {
        return Optional.ofNullable(em.find(SiteLimit.class, SiteLimit.ID));
    }

    public SiteLimit setSiteLimit(double maxCurrentA) {
        SiteLimit site = em.find(SiteLimit.class, SiteLimit.ID);
        if (site == null) {
            site = new SiteLimit(maxCurrentA, clock.instant());
            em.persist(site);
        } else {
            site.change(maxCurrentA, clock.instant());
        }
        changed.fire(new RulesChanged(null, false));
        return site;
    }

    public boolean clearSiteLimit() {
        SiteLimit site = em.find(SiteLimit.class, SiteLimit.ID);
        if (site == null) {
            return false;
        }
        em.remove(site);
        changed.fire(new RulesChanged(null, false));
        return true;
    }

    /** Every rule of the site, for planning; the site limit as the available power caps it. */
    public SiteState snapshot() {
        Map<String, ChargerRules> stored = new HashMap<>();
        em.createNamedQuery("ChargerRules.findAll", ChargerRules.class).getResultList()
                .forEach(r -> stored.put(r.chargerId(), r));
        Map<String, List<Window>> windows = new HashMap<>();
        for (ChargingWindow w : em.createNamedQuery("ChargingWindow.findAll", ChargingWindow.class).getResultList()) {
            windows.computeIfAbsent(w.chargerId(), k -> new ArrayList<>()).add(w.window());
        }
        Map<String, Rules> rules = new HashMap<>();
        stored.forEach((id, r) -> rules.put(id, rulesOf(r, windows.getOrDefault(id, List.of()))));
        windows.forEach((id, w) -> rules.putIfAbsent(id, new Rules(null, w, null)));
        Double site = availablePower.siteLimit(siteLimit().map(SiteLimit::maxCurrentA).orElse(null));
        stored.values().forEach(em::detach);
        return new SiteState(rules, stored, sessions.openCountsByCharger(), site);
    }

    /** Every charging window of every charger. */
    public List<ChargingWindow> allWindows() {
        return em.createNamedQuery("ChargingWindow.findAll", ChargingWindow.class).getResultList();
    }

    /** The end of every override that has one: charger id -> until. */
    public Map<String, Instant> overrideEnds() {
        Map<String, Instant> ends = new HashMap<>();
        for (ChargerRules r : em.createNamedQuery("ChargerRules.findAll", ChargerRules.class).getResultList()) {
            if (r.override() != null && r.override().until() != null) {
                ends.put(r.chargerId(), r.override().until());
            }
        }
        return ends;
    }

    /** Records how applying a charger's limit ended. */
    public void recordApplied(String chargerId, ApplyResult result) {
        if (chargers.byId(chargerId).isEmpty()) {
            return;
        }
        rulesRow(chargerId).applied(result);
    }

    private static Rules rulesOf(ChargerRules stored, List<Window> windows) {
        return stored == null ? new Rules(null, windows, null)
                : new Rules(stored.limit(), windows, stored.override(), stored.paused());
    }

    private List<Window> windowsOf(String chargerId) {
        return em.createNamedQuery("ChargingWindow.findByCharger", ChargingWindow.class)
                .setParameter("chargerId", chargerId).getResultStream().map(ChargingWindow::window).toList();
    }

    private ChargerRules rulesRow(String chargerId) {
        requireCharger(chargerId);
        ChargerRules rules = em.find(ChargerRules.class, chargerId);
        if (rules == null) {
            rules = new ChargerRules(chargerId, clock.instant());
            em.persist(rules);
        }
        return rules;
    }

    private void requireCharger(String chargerId) {
        if (chargers.byId(chargerId).isEmpty()) {
            throw new NoSuchElementException("No charger '" + chargerId + "'");
        }
    }
}
