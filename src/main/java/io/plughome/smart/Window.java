package io.plughome.smart;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * An allowed charging window: the days it starts on and its local start and end, in minutes
 * of the day. An end at or before the start runs over midnight into the next day (22:00-06:00
 * on Friday allows Friday night until Saturday 06:00); an end of 24:00 (1440) is midnight.
 */
public record Window(Set<DayOfWeek> days, int startMinute, int endMinute) {

    public static final int DAY = 24 * 60;

    public Window {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("A window needs at least one day of the week");
        }
        if (startMinute < 0 || startMinute >= DAY || endMinute < 0 || endMinute > DAY) {
            throw new IllegalArgumentException("Times are 00:00 to 23:59 (an end may be 24:00)");
        }
        if (startMinute == endMinute) {
            throw new IllegalArgumentException("A window must not start and end at the same time");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Whether the window allows charging at this local time. */
    public boolean contains(LocalDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        int minute = local.getHour() * 60 + local.getMinute();
        if (endMinute > startMinute) {
            return days.contains(day) && minute >= startMinute && minute < endMinute;
        }
        // over midnight: the evening of a window day, or the morning after one
        return days.contains(day) && minute >= startMinute || days.contains(day.minus(1)) && minute < endMinute;
    }

    /** Whether the window ends on the day after it starts. */
    public boolean overnight() {
        return endMinute <= startMinute || endMinute == DAY;
    }

    /** The days on which the window ends (the next days for an overnight window). */
    public Set<DayOfWeek> endDays() {
        if (!overnight()) {
            return days;
        }
        EnumSet<DayOfWeek> next = EnumSet.noneOf(DayOfWeek.class);
        days.forEach(d -> next.add(d.plus(1)));
        return next;
    }

    /** The end as a time of day (24:00 is 00:00 of the next day). */
    public int endMinuteOfDay() {
        return endMinute % DAY;
    }

    /** Reads {@code HH:MM}; {@code 24:00} only where an end is meant. */
    public static int minuteOf(String text, boolean end) {
        if (end && "24:00".equals(text)) {
            return DAY;
        }
        try {
            if (text == null || !text.matches("\\d\\d:\\d\\d")) {
                throw new DateTimeParseException("not HH:MM", String.valueOf(text), 0);
            }
            LocalTime time = LocalTime.parse(text);
            return time.getHour() * 60 + time.getMinute();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day as HH:MM"
                    + (end ? " (or 24:00)" : ""));
        }
    }

    /** A minute of the day as {@code HH:MM} (1440 as 24:00). */
    public static String text(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
