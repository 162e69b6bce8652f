package io.plughome.ocpp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deviations from the specification tolerated while reading one message: kind -> an example
 * of what was sent. The endpoint stores them per charger once the message is handled.
 */
public final class Deviations {

    public static final String ENUM_CASE = "enum-case";
    public static final String STRING_TOO_LONG = "string-too-long";
    /** Longer than the column it is stored in: cut to it, on purpose and counted. */
    public static final String STRING_TRUNCATED = "string-truncated";
    /** A string with NUL characters in it: they are removed (no column can store them). */
    public static final String NUL_CHARACTER = "nul-character";
    public static final String FRACTIONAL_INTEGER = "fractional-integer";
    public static final String TIMESTAMP_WITHOUT_ZONE = "timestamp-without-zone";
    public static final String TIMESTAMP_IMPLAUSIBLE = "timestamp-implausible";
    public static final String UNKNOWN_PROPERTY = "unknown-property";
    public static final String UNIT_SPELLING = "unit-spelling";
    public static final String UNKNOWN_UNIT = "unknown-unit";
    public static final String UNKNOWN_MEASURAND = "unknown-measurand";
    public static final String UNKNOWN_VALUE = "unknown-value";
    public static final String TRANSACTION_ID_UNKNOWN = "transaction-id-unknown";
    public static final String UNPARSABLE_SAMPLE = "unparsable-sample";
    /** A 2.0.1 transaction event whose seqNo skips numbers: events in between are missing (so far). */
    public static final String SEQ_NO_GAP = "seq-no-gap";

    private final Map<String, String> seen = new LinkedHashMap<>();

    public void add(String kind, String example) {
        String shortExample = example == null ? null : example.length() > 200 ? example.substring(0, 200) : example;
        if (shortExample != null) {
            shortExample = shortExample.replace("\u0000", "");
        }
        seen.merge(kind, shortExample == null ? "" : shortExample, (old, added) -> old);
    }

    /**
     * The value if it fits {@code max} characters; otherwise its first {@code max} characters,
     * counted as {@link #STRING_TRUNCATED}. For values that are stored in columns of that width.
     */
    public String fit(String value, int max, String field) {
        if (value == null || value.length() <= max) {
            return value;
        }
        add(STRING_TRUNCATED, field + "=" + value);
        return value.substring(0, max);
    }

    public Map<String, String> all() {
        return Map.copyOf(seen);
    }

    public boolean isEmpty() {
        return seen.isEmpty();
    }
}
