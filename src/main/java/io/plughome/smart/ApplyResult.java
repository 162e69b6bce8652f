package io.plughome.smart;

import java.time.Instant;
import java.util.Locale;

/**
 * How an attempt to put a charger at its effective limit ended: what was sent (as sent: in the
 * unit and per-transaction value of the shape), with which shape, and the charger's answers.
 */
public record ApplyResult(Status status, Limit sent, ProfileShape shape, String detail, Instant at) {

    public enum Status {
        /** The charger accepted the profile. */
        APPLIED,
        /** The charger no longer holds a profile of ours. */
        CLEARED,
        /** The charger refused every shape tried. */
        REJECTED,
        /** The charger does not implement smart charging. */
        UNSUPPORTED,
        /** The charger was not connected or went away; tried again when it is back. */
        OFFLINE,
        /** The charger did not answer in time; tried again later. */
        TIMEOUT,
        /** Something else went wrong; see the detail. */
        ERROR;

        public String wire() {
            String lower = name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }

        /** Whether trying again without a change can help. */
        public boolean transientFailure() {
            return this == OFFLINE || this == TIMEOUT || this == ERROR;
        }
    }
}
