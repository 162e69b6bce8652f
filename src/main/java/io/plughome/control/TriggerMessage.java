package io.plughome.control;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The messages a charger can be asked to send now. Each adapter spells them in its version's
 * words; owners may use the name of either version (1.6 {@code DiagnosticsStatusNotification} is
 * 2.0.1 {@code LogStatusNotification}).
 */
public enum TriggerMessage {
    BOOT_NOTIFICATION("BootNotification"),
    LOG_STATUS_NOTIFICATION("DiagnosticsStatusNotification", "LogStatusNotification"),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
    HEARTBEAT("Heartbeat"),
    METER_VALUES("MeterValues"),
    STATUS_NOTIFICATION("StatusNotification");

    private final Set<String> names;

    TriggerMessage(String... names) {
        this.names = Set.of(names);
    }

    public static Optional<TriggerMessage> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.names.contains(name)).findFirst();
    }

    /** Every name owners may use. */
    public static Set<String> allNames() {
        return Arrays.stream(values()).flatMap(m -> m.names.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
