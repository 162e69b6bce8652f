package io.plughome.control;

import java.util.Locale;

/** How a control action ended, as the audit log records it. */
public enum Outcome {
    /** The charger answered that it will do it. */
    ACCEPTED,
    /** The charger answered that it will not. */
    REJECTED,
    /** The charger was not connected (nothing was sent), or went away before it answered. */
    OFFLINE,
    /** The charger did not answer within the command timeout. */
    TIMEOUT,
    /** The charger answered with an error, or with something that is not a valid answer. */
    ERROR;

    /** The word on the wire and in the audit log: {@code Accepted}, {@code Offline}, ... */
    public String wire() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public static Outcome fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
