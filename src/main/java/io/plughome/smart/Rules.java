package io.plughome.smart;

import java.util.List;

/**
 * One charger's rules: its own limit (null: none), its allowed charging windows (none: any time)
 * and the owner's override (null: none).
 */
public record Rules(Limit limit, List<Window> windows, ChargeOverride override) {

    public static final Rules NONE = new Rules(null, List.of(), null);

    public Rules {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    public boolean isEmpty() {
        return limit == null && windows.isEmpty() && override == null;
    }
}
