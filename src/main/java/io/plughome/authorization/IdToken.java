package io.plughome.authorization;

/**
 * The token a driver identified with: its value (a 1.6 idTag, a 2.0.1 idToken) and, where the
 * protocol says it, its type (2.0.1 {@code ISO14443}, {@code eMAID}, {@code Central}, ...;
 * null for 1.6, whose idTags carry no type). Compared by value, case-insensitively, as OCPP says.
 */
public record IdToken(String value, String type) {

    /** The type PlugHome gives the tokens it starts remote sessions with. */
    public static final String CENTRAL = "Central";

    public static IdToken untyped(String value) {
        return value == null ? null : new IdToken(value, null);
    }
}
