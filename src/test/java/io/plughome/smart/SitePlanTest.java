package io.plughome.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitePlanTest {

    private static final Instant NOON = Instant.parse("2026-11-24T11:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Electrical SUPPLY = new Electrical(230, 3);

    private static Map<String, Effective> plan(Map<String, Rules> rules, Map<String, Integer> charging, Double site) {
        return SitePlan.plan(rules, charging, site, NOON, BERLIN, SUPPLY);
    }

    @Test
    void twoChargingConnectorsShareTheSiteLimitEqually() {
        Map<String, Effective> plan = plan(Map.of(), Map.of("a", 1, "b", 1), 32.0);
        assertEquals(Limit.amps(16), plan.get("a").limit());
        assertEquals(Limit.amps(16), plan.get("b").limit());
        assertEquals(Effective.Reason.SITE_SHARE, plan.get("a").reason());
    }

    @Test
    void theOneLeftGetsAllOfIt() {
        Map<String, Effective> plan = plan(Map.of(), Map.of("a", 1, "b", 0), 32.0);
        assertEquals(Limit.amps(32), plan.get("a").limit());
        assertEquals(Limit.amps(16), plan.get("b").limit(), "an idle charger may start at the share it would get");
    }

    @Test
    void aChargerBelowItsShareLeavesTheRestToTheOthers() {
        Map<String, Effective> plan = plan(Map.of("a", new Rules(Limit.amps(6), List.of(), null)),
                Map.of("a", 1, "b", 1, "c", 1), 32.0);
        assertEquals(Limit.amps(6), plan.get("a").limit());
        assertEquals(Effective.Reason.CHARGER_LIMIT, plan.get("a").reason());
        assertEquals(Limit.amps(13), plan.get("b").limit());
        assertEquals(Limit.amps(13), plan.get("c").limit());
    }

    @Test
    void aChargerWithTwoSessionsGetsTwoShares() {
        Map<String, Effective> plan = plan(Map.of(), Map.of("twin", 2, "single", 1), 32.0);
        assertEquals(Limit.amps(21.3), plan.get("twin").limit());
        assertEquals(Limit.amps(10.6), plan.get("single").limit(), "rounded down to 0.1 A, never over the fuse");
        double total = plan.values().stream().mapToDouble(e -> e.limit().value()).sum();
        assertTrue(total <= 32.0, "shares add up to at most the site limit: " + total);
    }

    @Test
    void aChargerPausedByItsScheduleTakesNoShare() {
        Rules night = new Rules(null, List.of(new Window(EnumSet.allOf(DayOfWeek.class), 22 * 60, 6 * 60)), null);
        Map<String, Effective> plan = plan(Map.of("a", night), Map.of("a", 1, "b", 1), 32.0);
        assertTrue(plan.get("a").paused());
        assertEquals(Limit.amps(32), plan.get("b").limit());
    }

    @Test
    void withoutASiteLimitEachChargerKeepsItsOwn() {
        Map<String, Effective> plan = plan(Map.of("a", new Rules(Limit.watts(7400), List.of(), null)),
                Map.of("a", 1, "b", 1), null);
        assertEquals(Limit.watts(7400), plan.get("a").limit());
        assertEquals(Effective.UNLIMITED, plan.get("b"));
    }

    @Test
    void aWattLimitCountsAsAmperesAtTheSupply() {
        // 4600 W on 3 x 230 V is 6.6 A, below a 16 A share: the rest goes to b (32 - 6.6 = 25.4 A).
        Map<String, Effective> plan = plan(Map.of("a", new Rules(Limit.watts(4600), List.of(), null)),
                Map.of("a", 1, "b", 1), 32.0);
        assertEquals(Limit.watts(4600), plan.get("a").limit());
        assertEquals(Limit.amps(25.4), plan.get("b").limit());
    }
}
