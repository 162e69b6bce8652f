package io.plughome.smart;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effective limits of every charger on a site at one moment: each charger's
 * {@link LimitPolicy}, with the site limit (the main fuse, in amperes per phase) shared fairly
 * among the connectors that are charging.
 *
 * <p>Fair is max-min fair: every charging connector gets the same share, except that a charger
 * whose own limit is below its share keeps to its own limit and leaves the rest to the others.
 * A charger with no session gets the share it would have if it started one now, so that a car
 * plugged in before the next rebalancing cannot take more than its part. A charger paused by its
 * schedule takes no share.
 */
public final class SitePlan {

    private SitePlan() {
    }

    /**
     * @param rules      each charger's rules (chargers without rules may be left out)
     * @param charging   how many connectors of each charger are charging (have an open session)
     * @param siteLimitA the site limit, or null when there is none
     */
    public static Map<String, Effective> plan(Map<String, Rules> rules, Map<String, Integer> charging,
            Double siteLimitA, Instant now, ZoneId zone, Electrical supply) {
        Set<String> ids = new TreeSet<>(rules.keySet());
        ids.addAll(charging.keySet());
        Map<String, Effective> alone = new HashMap<>();
        for (String id : ids) {
            alone.put(id, LimitPolicy.effective(rules.getOrDefault(id, Rules.NONE), null, now, zone, supply));
        }
        if (siteLimitA == null) {
            return alone;
        }
        List<Demand> demands = new ArrayList<>();
        for (String id : ids) {
            int connectors = charging.getOrDefault(id, 0);
            Effective own = alone.get(id);
            if (connectors > 0 && !own.paused()) {
                demands.add(new Demand(id, connectors, own.limit() == null ? Double.POSITIVE_INFINITY
                        : own.limit().amps(supply)));
            }
        }
        Map<String, Double> shares = fill(demands, siteLimitA);
        List<Demand> withNewcomer = new ArrayList<>(demands);
        Demand newcomer = new Demand("\u0000newcomer", 1, Double.POSITIVE_INFINITY);
        withNewcomer.add(newcomer);
        double idleShare = fill(withNewcomer, siteLimitA).get(newcomer.chargerId());
        Map<String, Effective> plan = new HashMap<>();
        for (String id : ids) {
            Effective own = alone.get(id);
            if (own.paused()) {
                plan.put(id, own);
                continue;
            }
            double share = shares.getOrDefault(id, idleShare);
            plan.put(id, LimitPolicy.effective(rules.getOrDefault(id, Rules.NONE), share, now, zone, supply));
        }
        return plan;
    }

    /** A charger that is charging: how many connectors, and the most it may draw by its own limit. */
    record Demand(String chargerId, int connectors, double capA) {
        double perConnectorCap() {
            return capA / connectors;
        }
    }

    /** Max-min fair shares of {@code total} (water-filling), per charger. */
    static Map<String, Double> fill(List<Demand> demands, double total) {
        List<Demand> byCap = new ArrayList<>(demands);
        byCap.sort(Comparator.comparingDouble(Demand::perConnectorCap));
        int units = byCap.stream().mapToInt(Demand::connectors).sum();
        double remaining = Math.max(0, total);
        Map<String, Double> shares = new HashMap<>();
        for (Demand d : byCap) {
            double level = remaining / units;
            double share = d.perConnectorCap() <= level ? d.capA() : level * d.connectors();
            shares.put(d.chargerId(), LimitPolicy.floorTenth(share));
            remaining -= share;
            units -= d.connectors();
        }
        return shares;
    }
}
