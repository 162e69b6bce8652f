package io.plughome.api.v1;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the control endpoints. */
public final class ControlBodies {

    private ControlBodies() {
    }

    @Schema(name = "RemoteStart", description = "Start charging. Without idTag the configured remote idTag is used"
            + " (PLUGHOME_REMOTE_ID_TAG); without connectorId the charger picks one.")
    public record RemoteStart(@Positive Integer connectorId,
            @Size(min = 1, max = 20) @Schema(maxLength = 20) String idTag) {
    }

    @Schema(name = "RemoteStop", description = "Stop a transaction; without transactionId the charger's active one"
            + " (on connectorId, when given)")
    public record RemoteStop(@Positive Long transactionId, @Positive Integer connectorId) {
    }

    public enum ResetType { Soft, Hard }

    @Schema(name = "Reset", description = "Restart the charger; Soft (the default) ends transactions first")
    public record Reset(ResetType type) {
    }

    @Schema(name = "Unlock", description = "Release the cable lock of a connector")
    public record Unlock(@NotNull @Positive Integer connectorId) {
    }

    public enum AvailabilityType { Operative, Inoperative }

    @Schema(name = "Availability", description = "Make a connector (0 or none: the whole charger) operative or not")
    public record Availability(@PositiveOrZero Integer connectorId, @NotNull AvailabilityType type) {
    }

    @Schema(name = "Configuration", description = "With key and value: ChangeConfiguration. Otherwise"
            + " GetConfiguration of the listed keys (all keys when none are listed).")
    public record Configuration(@Size(min = 1, max = 50) String key, @Size(max = 500) String value,
            List<@NotNull @Size(min = 1, max = 50) String> keys) {
    }

    @Schema(name = "Trigger", description = "Ask the charger to send a message now: BootNotification,"
            + " DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues or StatusNotification")
    public record Trigger(@NotNull String requestedMessage, @Positive Integer connectorId) {
    }
}
