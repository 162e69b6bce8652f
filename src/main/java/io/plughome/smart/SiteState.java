package io.plughome.smart;

import java.util.Map;

/**
 * Everything the site plan needs, read in one transaction: every charger's rules, the stored
 * rule rows (with what was applied), how many sessions are open per charger, and the site limit.
 */
public record SiteState(Map<String, Rules> rules, Map<String, ChargerRules> stored, Map<String, Integer> charging,
        Double siteLimitA) {
}
