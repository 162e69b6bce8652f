package io.plughome.api.v1;

import io.plughome.smart.ChargeOverride;
import io.plughome.smart.ChargerRules;
import io.plughome.smart.ChargingWindow;
import io.plughome.smart.Effective;
import io.plughome.smart.Limit;
import io.plughome.smart.ProfileShape;
import io.plughome.smart.Window;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and views of the smart-charging resources. */
public final class SmartViews {

    private SmartViews() {
    }

    @Schema(name = "LimitBody", description = "One of maxCurrentA (amperes per phase) or maxPowerW")
    public record LimitBody(@PositiveOrZero @DecimalMax("1000") Double maxCurrentA,
            @PositiveOrZero @DecimalMax("1000000") Double maxPowerW) {

        Limit limit() {
            if ((maxCurrentA == null) == (maxPowerW == null)) {
                throw ApiError.badRequest("Give one of maxCurrentA or maxPowerW: {\"maxCurrentA\": 16}");
            }
            return maxCurrentA != null ? Limit.amps(maxCurrentA) : Limit.watts(maxPowerW);
        }
    }

    @Schema(name = "SiteLimitBody", description = "The current all chargers together may draw, per phase")
    public record SiteLimitBody(@NotNull @PositiveOrZero @DecimalMax("10000") Double maxCurrentA) {
    }

    @Schema(name = "Schedule", description = "An allowed charging window, in the owner's time zone"
            + " (PLUGHOME_TIMEZONE). An endTime at or before startTime runs over midnight into the next day;"
            + " 24:00 is midnight.")
    public record ScheduleView(@Schema(readOnly = true) Long id,
            @Schema(description = "MONDAY ... SUNDAY (the days the window starts on)", required = true)
            List<String> daysOfWeek,
            @Schema(description = "HH:MM", example = "22:00", required = true) String startTime,
            @Schema(description = "HH:MM, or 24:00", example = "06:00", required = true) String endTime) {

        static ScheduleView of(ChargingWindow stored) {
            Window w = stored.window();
            return new ScheduleView(stored.id(), EnumSet.copyOf(w.days()).stream().map(DayOfWeek::name).toList(),
                    Window.text(w.startMinute()), Window.text(w.endMinute()));
        }

        Window window() {
            if (daysOfWeek == null || daysOfWeek.isEmpty()) {
                throw ApiError.badRequest("daysOfWeek must list at least one day, e.g. [\"MONDAY\", \"TUESDAY\"]");
            }
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : daysOfWeek) {
                days.add(day(day));
            }
            try {
                return new Window(days, Window.minuteOf(startTime, false), Window.minuteOf(endTime, true));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
        }

        private static DayOfWeek day(String text) {
            String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(name) || name.length() == 3 && d.name().startsWith(name)) {
                    return d;
                }
            }
            throw ApiError.badRequest("'" + text + "' is not a day of the week (MONDAY ... SUNDAY)");
        }
    }

    @Schema(name = "OverrideBody", description = "Charge now, ignoring schedules: until an instant, or (empty"
            + " body or no until) until the charger's session ends")
    public record OverrideBody(@Schema(description = "ISO-8601 instant", example = "2026-11-24T18:00:00Z")
            String until) {
    }

    @Schema(name = "Override")
    public record OverrideView(@Schema(description = "False once its time has passed") boolean active,
            @Schema(description = "Null: until the session ends") Instant until, boolean untilSessionEnds) {

        static OverrideView of(ChargeOverride o, Instant now) {
            return o == null ? null : new OverrideView(o.activeAt(now), o.until(), o.untilSessionEnds());
        }
    }

    @Schema(name = "EffectiveLimit", description = "The limit in force now, from the rules and the clock")
    public record EffectiveView(@Schema(description = "Null: no limit") Double limit,
            @Schema(description = "A or W") String unit,
            @Schema(description = "True outside every allowed window or while paused: held at 0, the session stays open")
            boolean paused,
            @Schema(description = "None, ChargerLimit, SiteShare, OutsideWindows or Paused") String reason,
            @Schema(description = "An override is lifting a schedule that would pause charging now")
            boolean overridden) {

        static EffectiveView of(Effective e) {
            String reason = switch (e.reason()) {
                case NONE -> "None";
                case CHARGER_LIMIT -> "ChargerLimit";
                case SITE_SHARE -> "SiteShare";
                case OUTSIDE_WINDOWS -> "OutsideWindows";
                case PAUSED -> "Paused";
            };
            return new EffectiveView(e.limit() == null ? null : e.limit().value(),
                    e.limit() == null ? null : e.limit().unit().name(), e.paused(), reason, e.overridden());
        }
    }

    @Schema(name = "ProfileShape", description = "How the limit was put to the charger")
    public record ProfileView(@Schema(description = "ChargePointMaxProfile or TxDefaultProfile") String purpose,
            @Schema(description = "True: one profile per connector; false: on connector 0") boolean perConnector,
            int stackLevel, String unit) {

        static ProfileView of(ProfileShape s) {
            return s == null ? null : new ProfileView(s.purposeName(), s.perConnector(), s.stackLevel(), s.unit().name());
        }
    }

    @Schema(name = "AppliedLimit", description = "How the last attempt to hold the charger at its limit ended")
    public record AppliedView(
            @Schema(description = "Applied, Cleared, Rejected (every profile shape refused), Unsupported (no smart"
                    + " charging), Offline, Timeout or Error; null before the first attempt") String status,
            @Schema(description = "The limit the charger holds, as sent (per transaction for TxDefaultProfile)")
            Double limit, String unit, Instant at, String detail,
            @Schema(description = "The profile shape this charger accepts, once known") ProfileView profile,
            @Schema(description = "True while a profile is on its way") boolean sending) {
    }

    @Schema(name = "Limits", description = "A charger's own limit, the limit in force now and how it was applied")
    public record LimitsView(Double maxCurrentA, Double maxPowerW, EffectiveView effective, OverrideView override,
            @Schema(description = "The owner paused charging: held at 0 until resumed or the session ends")
            boolean paused, AppliedView applied) {

        static LimitsView of(ChargerRules stored, Effective effective, boolean sending, Instant now) {
            Limit own = stored == null ? null : stored.limit();
            AppliedView applied = stored == null || stored.appliedStatus() == null
                    ? new AppliedView(null, null, null, null, null, null, sending)
                    : new AppliedView(stored.appliedStatus(),
                            stored.appliedLimit() == null ? null : stored.appliedLimit().value(),
                            stored.appliedLimit() == null ? null : stored.appliedLimit().unit().name(),
                            stored.appliedAt(), stored.appliedDetail(), ProfileView.of(stored.shape()), sending);
            return new LimitsView(own != null && own.unit().name().equals("A") ? own.value() : null,
                    own != null && own.unit().name().equals("W") ? own.value() : null, EffectiveView.of(effective),
                    OverrideView.of(stored == null ? null : stored.override(), now),
                    stored != null && stored.paused(), applied);
        }
    }

    @Schema(name = "SiteShare", description = "One charger's part of the site limit")
    public record ShareView(String chargerId, boolean online, int chargingConnectors, EffectiveView effective) {
    }

    @Schema(name = "SiteLimits", description = "The site limit and how it is shared now")
    public record SiteLimitsView(@Schema(description = "Null: no site limit") Double maxCurrentA,
            @Schema(description = "Every connected or charging charger's effective limit") List<ShareView> shares) {
    }
}
