package io.plughome.smart;

import io.plughome.control.RateUnit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The effective limit of one charger at one moment: a pure function of its rules, its share of
 * the site limit, the clock and the owner's time zone. No state, no I/O: what it answers for an
 * instant is what the charger is held to at that instant.
 *
 * <ol>
 * <li>Paused by the owner, the limit is 0, whatever else holds (an override lifts schedules, not a
 * pause).</li>
 * <li>Outside every allowed window (when the charger has windows), and with no active override,
 * the limit is 0: charging pauses, the session stays open.</li>
 * <li>Otherwise the smaller of the charger's own limit and its site share holds (either may be
 * absent; neither means no limit).</li>
 * </ol>
 * Windows are matched against local wall-clock time in {@code zone}, so a window keeps its local
 * hours across daylight-saving changes: 22:00-06:00 ends at 06:00 local time on the night the
 * clocks change too.
 */
public final class LimitPolicy {

    private LimitPolicy() {
    }

    public static Effective effective(Rules rules, Double siteShareA, Instant now, ZoneId zone, Electrical supply) {
        if (rules.paused()) {
            RateUnit unit = rules.limit() == null ? RateUnit.A : rules.limit().unit();
            return new Effective(new Limit(0, unit), Effective.Reason.PAUSED, false);
        }
        boolean inWindow = inWindow(rules, now, zone);
        boolean overrideActive = rules.override() != null && rules.override().activeAt(now);
        if (!inWindow && !overrideActive) {
            RateUnit unit = rules.limit() == null ? RateUnit.A : rules.limit().unit();
            return new Effective(new Limit(0, unit), Effective.Reason.OUTSIDE_WINDOWS, false);
        }
        boolean overridden = !inWindow;
        Limit own = rules.limit();
        if (siteShareA != null && (own == null || siteShareA < own.amps(supply))) {
            return new Effective(Limit.amps(floorTenth(Math.max(0, siteShareA))), Effective.Reason.SITE_SHARE,
                    overridden);
        }
        if (own != null) {
            return new Effective(own, Effective.Reason.CHARGER_LIMIT, overridden);
        }
        return new Effective(null, Effective.Reason.NONE, overridden);
    }

    /** Whether the charger's windows allow charging now (a charger without windows may charge any time). */
    public static boolean inWindow(Rules rules, Instant now, ZoneId zone) {
        if (rules.windows().isEmpty()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        return rules.windows().stream().anyMatch(w -> w.contains(local));
    }

    /** Rounds down to 0.1 (OCPP advises one decimal for limits; down, so a share never adds up to more). */
    static double floorTenth(double value) {
        return Math.floor(value * 10 + 1e-9) / 10;
    }
}
