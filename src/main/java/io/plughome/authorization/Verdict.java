package io.plughome.authorization;

import java.time.Instant;

/** The answer for an idTag: its status now, and the expiry and parent group the charger may cache. */
public record Verdict(IdTagStatus status, Instant expiryDate, String parentIdTag) {

    public static Verdict accepted() {
        return new Verdict(IdTagStatus.Accepted, null, null);
    }
}
