package io.plughome.smart;

import java.time.Instant;

/**
 * The owner's "charge now": schedules are ignored until {@code until}, or, when that is null,
 * until the charger's session ends (the service removes it then). Limits still hold.
 */
public record ChargeOverride(Instant until) {

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    public boolean untilSessionEnds() {
        return until == null;
    }
}
