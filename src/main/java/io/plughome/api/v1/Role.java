package io.plughome.api.v1;

/** What a token may do: a viewer reads; an admin also controls and configures. */
public enum Role {
    VIEWER, ADMIN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
