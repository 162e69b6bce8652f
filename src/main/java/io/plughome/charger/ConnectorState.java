package io.plughome.charger;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a connector is doing, in PlugHome's own words (the API shows these names). Each protocol
 * adapter translates its version's status values: 1.6 names the same states; 2.0.1 reports
 * Available/Occupied/Reserved/Unavailable/Faulted per connector and the charging state in its
 * transaction events.
 */
public enum ConnectorState {
    Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted;

    /** The state of this name, compared case-insensitively (chargers misspell the case). */
    public static Optional<ConnectorState> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Whether a vehicle is plugged in. */
    public boolean occupied() {
        return this == Preparing || this == Charging || this == SuspendedEV || this == SuspendedEVSE
                || this == Finishing;
    }
}
