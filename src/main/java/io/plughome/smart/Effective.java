package io.plughome.smart;

/**
 * The limit a charger must keep to now, and why. A null limit means none: the charger may draw
 * what it and the car can. {@code overridden} says an override is lifting a schedule that would
 * otherwise pause charging.
 */
public record Effective(Limit limit, Reason reason, boolean overridden) {

    /** Why the limit is what it is. */
    public enum Reason {
        /** Nothing limits the charger. */
        NONE,
        /** The charger's own limit. */
        CHARGER_LIMIT,
        /** Its share of the site limit (smaller than its own limit, if it has one). */
        SITE_SHARE,
        /** Outside every allowed charging window: paused at 0. */
        OUTSIDE_WINDOWS,
        /** The owner paused it (Home Assistant's charge switch, or the API): held at 0. */
        PAUSED
    }

    public static final Effective UNLIMITED = new Effective(null, Reason.NONE, false);

    public boolean paused() {
        return limit != null && limit.isZero();
    }
}
