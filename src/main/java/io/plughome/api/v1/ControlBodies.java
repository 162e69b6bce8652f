package io.plughome.api.v1;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    public record RemoteStop(
            @Schema(type = SchemaType.STRING, maxLength = 36, description = "The session's transactionId; a 1.6"
                    + " charger's may be given as a number too") JsonValue transactionId,
            @Positive Integer connectorId) {

        /** The transaction id as a string: given as one, or as a whole number (1.6); null when not given. */
        public String transactionIdText() {
            if (transactionId == null || transactionId == JsonValue.NULL) {
                return null;
            }
            if (transactionId instanceof JsonString text && !text.getString().isEmpty()
                    && text.getString().length() <= 36) {
                return text.getString();
            }
            if (transactionId instanceof JsonNumber number && number.isIntegral() && number.bigDecimalValue()
                    .signum() > 0) {
                return number.bigIntegerValue().toString();
            }
            throw ApiError.badRequest("transactionId must be a string of 1 to 36 characters or a positive whole"
                    + " number");
        }
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
            + " DiagnosticsStatusNotification (2.0.1: LogStatusNotification, either name for either version),"
            + " FirmwareStatusNotification, Heartbeat, MeterValues or StatusNotification")
    public record Trigger(@NotNull String requestedMessage, @Positive Integer connectorId) {
    }
}
