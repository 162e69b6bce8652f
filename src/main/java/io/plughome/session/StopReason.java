package io.plughome.session;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a session ended, in PlugHome's words (the API shows these names). The 1.6 reasons keep
 * their names; 2.0.1's {@code stoppedReason} values map onto the same ones where they mean the
 * same thing (2.0.1 {@code EVDisconnected} is 1.6 {@code EVDisconnected}) and add the reasons 1.6
 * has no word for. A reason a charger invents is {@link #Other}, counted as a deviation.
 */
public enum StopReason {
    DeAuthorized, EmergencyStop, EnergyLimitReached, EVDisconnected, GroundFault, HardReset, ImmediateReset, Local,
    LocalOutOfCredit, MasterPass, Other, OvercurrentFault, PowerLoss, PowerQuality, Reboot, Remote, SOCLimitReached,
    SoftReset, StoppedByEV, TimeLimitReached, Timeout, UnlockCommand;

    /** The reason of this name, compared case-insensitively. */
    public static Optional<StopReason> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
