package io.plughome.platform;

import java.time.Duration;
import java.time.Instant;

/** Charger clocks are not always set: when to believe a timestamp a charger sent. */
public final class Timestamps {

    /** Earlier than this is a charger that never set its clock (1970 and friends). */
    public static final Instant PLAUSIBLE_FROM = Instant.parse("2010-01-01T00:00:00Z");

    /** Further ahead of the server than this is a wrong clock, not a time zone slip. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private Timestamps() {
    }

    public static boolean plausible(Instant chargerTime, Instant now) {
        return chargerTime != null && !chargerTime.isBefore(PLAUSIBLE_FROM) && !chargerTime.isAfter(now.plus(MAX_AHEAD));
    }

    /** The charger's time where it is plausible, else the server's. */
    public static Instant chargerOrServer(Instant chargerTime, Instant now) {
        return plausible(chargerTime, now) ? chargerTime : now;
    }
}
