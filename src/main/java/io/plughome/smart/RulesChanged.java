package io.plughome.smart;

/**
 * Smart-charging rules changed (a charger's, or the site's when {@code chargerId} is null); fired
 * inside the transaction that changed them and observed after it commits.
 */
public record RulesChanged(String chargerId, boolean windowsOrOverride) {
}
