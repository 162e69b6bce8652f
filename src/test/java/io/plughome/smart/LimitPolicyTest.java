package io.plughome.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.control.RateUnit;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimitPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Electrical SUPPLY = new Electrical(230, 3);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static Window window(Set<DayOfWeek> days, String start, String end) {
        return new Window(days, Window.minuteOf(start, false), Window.minuteOf(end, true));
    }

    private static Effective at(Rules rules, String instant) {
        return LimitPolicy.effective(rules, null, Instant.parse(instant), BERLIN, SUPPLY);
    }

    @Test
    void noRulesMeansNoLimit() {
        Effective e = at(Rules.NONE, "2026-11-24T12:00:00Z");
        assertNull(e.limit());
        assertEquals(Effective.Reason.NONE, e.reason());
    }

    @Test
    void theChargersOwnLimitHoldsAtAnyTimeWithoutWindows() {
        Effective e = at(new Rules(Limit.amps(16), List.of(), null), "2026-11-24T03:00:00Z");
        assertEquals(Limit.amps(16), e.limit());
        assertEquals(Effective.Reason.CHARGER_LIMIT, e.reason());
        assertFalse(e.paused());
    }

    @Test
    void aWindowOverMidnightAllowsTheNightAndPausesTheDay() {
        // Tuesday 22:00 until Wednesday 06:00 (Berlin, winter: UTC+1)
        Rules rules = new Rules(Limit.watts(7400), List.of(window(EnumSet.of(DayOfWeek.TUESDAY), "22:00", "06:00")),
                null);
        assertTrue(at(rules, "2026-11-24T20:59:00Z").paused(), "Tuesday 21:59 is before the window");
        assertEquals(Limit.watts(7400), at(rules, "2026-11-24T21:00:00Z").limit(), "Tuesday 22:00 opens it");
        assertEquals(Limit.watts(7400), at(rules, "2026-11-24T23:30:00Z").limit(), "Wednesday 00:30 is inside");
        assertEquals(Limit.watts(7400), at(rules, "2026-11-25T04:59:00Z").limit(), "Wednesday 05:59 is inside");
        Effective after = at(rules, "2026-11-25T05:00:00Z");
        assertTrue(after.paused(), "Wednesday 06:00 ends it");
        assertEquals(new Limit(0, RateUnit.W), after.limit(), "paused in the unit of the charger's limit");
        assertEquals(Effective.Reason.OUTSIDE_WINDOWS, after.reason());
        assertTrue(at(rules, "2026-11-25T21:30:00Z").paused(), "Wednesday night is not a window day");
        assertTrue(at(rules, "2026-11-23T23:30:00Z").paused(), "Tuesday 00:30 belongs to Monday's night");
    }

    @Test
    void aWindowKeepsItsLocalHoursOnTheNightTheClocksGoForward() {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST. 22:00-06:00 ends at 04:00 UTC, not 05:00.
        Rules rules = new Rules(null, List.of(window(EVERY_DAY, "22:00", "06:00")), null);
        assertFalse(at(rules, "2026-03-29T00:30:00Z").paused(), "01:30 CET");
        assertFalse(at(rules, "2026-03-29T01:30:00Z").paused(), "03:30 CEST");
        assertFalse(at(rules, "2026-03-29T03:59:00Z").paused(), "05:59 CEST");
        assertTrue(at(rules, "2026-03-29T04:00:00Z").paused(), "06:00 CEST ends the window");
        assertTrue(at(rules, "2026-03-29T04:30:00Z").paused(), "06:30 CEST, though 05:30 in winter time");
        assertFalse(at(rules, "2026-03-29T20:00:00Z").paused(), "22:00 CEST opens the next night");
        assertTrue(at(rules, "2026-03-29T19:59:00Z").paused(), "21:59 CEST");
    }

    @Test
    void aWindowKeepsItsLocalHoursOnTheNightTheClocksGoBack() {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET. 22:00-06:00 ends at 05:00 UTC, not 04:00.
        Rules rules = new Rules(Limit.amps(10), List.of(window(EVERY_DAY, "22:00", "06:00")), null);
        assertEquals(Limit.amps(10), at(rules, "2026-10-25T00:30:00Z").limit(), "02:30 CEST, the first time");
        assertEquals(Limit.amps(10), at(rules, "2026-10-25T01:30:00Z").limit(), "02:30 CET, the second time");
        assertEquals(Limit.amps(10), at(rules, "2026-10-25T04:30:00Z").limit(), "05:30 CET, though 06:30 in summer time");
        assertTrue(at(rules, "2026-10-25T05:00:00Z").paused(), "06:00 CET ends the window");
    }

    @Test
    void aWindowThatFallsInTheSkippedHourNeverOpens() {
        Rules rules = new Rules(null, List.of(window(EnumSet.of(DayOfWeek.SUNDAY), "02:15", "02:45")), null);
        for (int minute = 0; minute < 180; minute += 5) {
            Instant t = Instant.parse("2026-03-29T00:00:00Z").plusSeconds(minute * 60L);
            assertTrue(LimitPolicy.effective(rules, null, t, BERLIN, SUPPLY).paused(), t.toString());
        }
        assertFalse(at(rules, "2026-03-22T01:20:00Z").paused(), "a week earlier, 02:20 CET exists");
    }

    @Test
    void severalWindowsAndAWholeDay() {
        Rules rules = new Rules(null, List.of(window(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "00:00", "24:00"),
                window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "01:00", "05:00")), null);
        assertFalse(at(rules, "2026-11-28T22:59:00Z").paused(), "Saturday 23:59");
        assertFalse(at(rules, "2026-11-29T22:59:00Z").paused(), "Sunday 23:59");
        assertTrue(at(rules, "2026-11-29T23:00:00Z").paused(), "Monday 00:00: the weekend's 24:00 has passed");
        assertFalse(at(rules, "2026-11-30T00:00:00Z").paused(), "Monday 01:00");
        assertTrue(at(rules, "2026-11-30T04:00:00Z").paused(), "Monday 05:00");
    }

    @Test
    void anOverrideLiftsTheScheduleUntilItEndsMidSession() {
        Window night = window(EVERY_DAY, "22:00", "06:00");
        Rules rules = new Rules(Limit.amps(16), List.of(night),
                new ChargeOverride(Instant.parse("2026-11-24T15:30:00Z")));
        Effective during = at(rules, "2026-11-24T15:29:00Z");
        assertEquals(Limit.amps(16), during.limit(), "the override lifts the pause, the limit still holds");
        assertTrue(during.overridden());
        Effective after = at(rules, "2026-11-24T15:30:00Z");
        assertTrue(after.paused(), "the override ended; the schedule pauses again");
        assertFalse(after.overridden());
        Effective night22 = at(rules, "2026-11-24T21:00:00Z");
        assertFalse(night22.paused());
        assertFalse(night22.overridden(), "inside a window there is nothing to override");
    }

    @Test
    void anOverrideUntilTheSessionEndsHasNoEndOfItsOwn() {
        Rules rules = new Rules(null, List.of(window(EVERY_DAY, "01:00", "02:00")), new ChargeOverride(null));
        Effective e = at(rules, "2030-01-01T12:00:00Z");
        assertFalse(e.paused());
        assertNull(e.limit());
        assertTrue(e.overridden());
    }

    @Test
    void theSmallerOfOwnLimitAndSiteShareHolds() {
        Rules rules = new Rules(Limit.amps(16), List.of(), null);
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        Effective site = LimitPolicy.effective(rules, 10.66, now, BERLIN, SUPPLY);
        assertEquals(Limit.amps(10.6), site.limit());
        assertEquals(Effective.Reason.SITE_SHARE, site.reason());
        Effective own = LimitPolicy.effective(rules, 20.0, now, BERLIN, SUPPLY);
        assertEquals(Limit.amps(16), own.limit());
        // 11 kW at 230 V on three phases is 15.9 A: below a 16 A share, so the watt limit holds as given.
        Effective watts = LimitPolicy.effective(new Rules(Limit.watts(11000), List.of(), null), 16.0, now, BERLIN,
                SUPPLY);
        assertEquals(Limit.watts(11000), watts.limit());
    }

    @Test
    void theScheduleBeatsTheSiteShare() {
        Rules rules = new Rules(null, List.of(window(EVERY_DAY, "01:00", "02:00")), null);
        assertTrue(LimitPolicy.effective(rules, 16.0, Instant.parse("2026-11-24T12:00:00Z"), BERLIN, SUPPLY).paused());
    }

    @Test
    void windowsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> window(EVERY_DAY, "07:00", "07:00"));
        assertThrows(IllegalArgumentException.class, () -> window(EnumSet.noneOf(DayOfWeek.class), "01:00", "02:00"));
        assertThrows(IllegalArgumentException.class, () -> Window.minuteOf("24:00", false));
        assertThrows(IllegalArgumentException.class, () -> Window.minuteOf("7:00", false));
        assertThrows(IllegalArgumentException.class, () -> Window.minuteOf("25:00", true));
        assertEquals("24:00", Window.text(Window.minuteOf("24:00", true)));
    }
}
