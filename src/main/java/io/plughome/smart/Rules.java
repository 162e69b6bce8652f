package io.plughome.smart;

import java.util.List;

/**
 * One charger's rules: its own limit (null: none), its allowed charging windows (none: any time),
 * the owner's override (null: none) and the owner's pause.
 */
public record Rules(Limit limit, List<Window> windows, ChargeOverride override, boolean paused) {

    public static final Rules NONE = new Rules(null, List.of(), null);

    public Rules {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    public Rules(Limit limit, List<Window> windows, ChargeOverride override) {
        this(limit, windows, override, false);
    }

    public boolean isEmpty() {
        return limit == null && windows.isEmpty() && override == null && !paused;
    }
}
