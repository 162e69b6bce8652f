package io.plughome.charger;

import java.util.Optional;

/**
 * The one rule for charger ids (PRODUCT.md, "Charger ids"): 1 to {@value Charger#ID_MAX}
 * characters (OCPP 2.0.1 allows 48; longer ids that worked before keep working), no control or
 * format characters (zero-width spaces and joiners, direction marks, the byte-order mark), no
 * unpaired surrogates, no line or paragraph separators, no whitespace at either end, and no
 * {@code :} (HTTP Basic authentication splits the user name there). Each of these would let two
 * ids look the same on a screen or in a log while naming different chargers. Everything else
 * (spaces inside, letters of any script, emoji, {@code +}, {@code %}) is a valid id, kept verbatim.
 */
public final class ChargerIds {

    private ChargerIds() {
    }

    /** Why {@code id} is not a valid charger id, in one plain sentence; empty when it is valid. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("A charger id has at least one character");
        }
        if (id.length() > Charger.ID_MAX) {
            return Optional.of("A charger id has at most " + Charger.ID_MAX + " characters; this one has "
                    + id.length());
        }
        if (isBlank(id.codePointAt(0)) || isBlank(id.codePointBefore(id.length()))) {
            return Optional.of("A charger id may not begin or end with a space");
        }
        for (int i = 0; i < id.length();) {
            int c = id.codePointAt(i);
            if (c == ':') {
                return Optional.of("A charger id may not contain ':' (it separates name and password in HTTP Basic)");
            }
            if (invisible(c)) {
                return Optional.of(String.format("A charger id may not contain control, format or other invisible"
                        + " characters (U+%04X at position %d)", c, i + 1));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    private static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || invisible(c);
    }

    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
