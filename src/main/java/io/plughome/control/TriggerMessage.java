package io.plughome.control;

import java.util.Arrays;
import java.util.Optional;

/** The messages a charger can be asked to send now; named as OCPP names them. */
public enum TriggerMessage {
    BOOT_NOTIFICATION("BootNotification"),
    DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification"),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
    HEARTBEAT("Heartbeat"),
    METER_VALUES("MeterValues"),
    STATUS_NOTIFICATION("StatusNotification");

    private final String messageName;

    TriggerMessage(String messageName) {
        this.messageName = messageName;
    }

    public String messageName() {
        return messageName;
    }

    public static Optional<TriggerMessage> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.messageName.equals(name)).findFirst();
    }
}
