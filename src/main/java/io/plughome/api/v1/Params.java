package io.plughome.api.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading query parameters the same way in every resource. */
final class Params {

    private Params() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An ISO-8601 instant, or a date taken as UTC midnight; 400 otherwise. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ApiError.badRequest(name + " must be an ISO-8601 instant (2026-11-24T18:00:00Z) or a date"
                        + " (2026-11-24), not '" + value + "'");
            }
        }
    }
}
