package io.plughome.ocpp.v16;

import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import io.plughome.control.RateUnit;
import io.plughome.ocpp.Lenient;
import io.plughome.ocpp.OcppException;
import io.plughome.ocpp.OutboundCall;
import io.plughome.ocpp.RecordCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The server-initiated Core, Remote Trigger and Smart Charging calls of OCPP 1.6J: each version-neutral
 * {@link Command} as its 1.6 request record, and each 1.6 answer as a {@link CommandReply}.
 */
@ApplicationScoped
public class V16Commands {

    // ---- requests

    public record RemoteStartTransaction(@PositiveOrZero Integer connectorId, @NotNull @Size(max = 20) String idTag) {
    }

    public record RemoteStopTransaction(@NotNull Long transactionId) {
    }

    public enum ResetType { Hard, Soft }

    public record Reset(@NotNull ResetType type) {
    }

    public record UnlockConnector(@NotNull @PositiveOrZero Integer connectorId) {
    }

    public enum AvailabilityType { Inoperative, Operative }

    public record ChangeAvailability(@NotNull @PositiveOrZero Integer connectorId, @NotNull AvailabilityType type) {
    }

    public record GetConfiguration(List<@Size(max = 50) String> key) {
    }

    public record ChangeConfiguration(@NotNull @Size(max = 50) String key, @NotNull @Size(max = 500) String value) {
    }

    public record TriggerMessage(@NotNull String requestedMessage, @PositiveOrZero Integer connectorId) {
    }

    public enum ChargingProfilePurpose { ChargePointMaxProfile, TxDefaultProfile, TxProfile }

    public enum ChargingProfileKind { Absolute, Recurring, Relative }

    public enum ChargingRateUnit { A, W }

    public record ChargingSchedulePeriod(@NotNull @PositiveOrZero Integer startPeriod, @NotNull @PositiveOrZero Double limit,
            Integer numberPhases) {
    }

    public record ChargingSchedule(Integer duration, Instant startSchedule, @NotNull ChargingRateUnit chargingRateUnit,
            @NotNull @Size(min = 1) List<@Valid ChargingSchedulePeriod> chargingSchedulePeriod, Double minChargingRate) {
    }

    public record ChargingProfile(@NotNull Integer chargingProfileId, Integer transactionId,
            @NotNull @PositiveOrZero Integer stackLevel, @NotNull ChargingProfilePurpose chargingProfilePurpose,
            @NotNull ChargingProfileKind chargingProfileKind, Instant validFrom, Instant validTo,
            @NotNull @Valid ChargingSchedule chargingSchedule) {
    }

    public record SetChargingProfile(@NotNull @PositiveOrZero Integer connectorId,
            @NotNull @Valid ChargingProfile csChargingProfiles) {
    }

    public record ClearChargingProfile(Integer id, @PositiveOrZero Integer connectorId,
            ChargingProfilePurpose chargingProfilePurpose, @PositiveOrZero Integer stackLevel) {
    }

    // ---- answers

    public enum RemoteStartStopStatus { Accepted, Rejected }

    public record RemoteStartStopResponse(@NotNull RemoteStartStopStatus status) {
    }

    public enum ResetStatus { Accepted, Rejected }

    public record ResetResponse(@NotNull ResetStatus status) {
    }

    public enum UnlockStatus { Unlocked, UnlockFailed, NotSupported }

    public record UnlockConnectorResponse(@NotNull UnlockStatus status) {
    }

    public enum AvailabilityStatus { Accepted, Rejected, Scheduled }

    public record ChangeAvailabilityResponse(@NotNull AvailabilityStatus status) {
    }

    public record KeyValue(@NotNull @Lenient(maxLength = 50) String key, @NotNull Boolean readonly,
            @Lenient(maxLength = 500) String value) {
    }

    public record GetConfigurationResponse(List<@Valid KeyValue> configurationKey,
            @Lenient(maxLength = 50) List<String> unknownKey) {
    }

    public enum ConfigurationStatus { Accepted, Rejected, RebootRequired, NotSupported }

    public record ChangeConfigurationResponse(@NotNull ConfigurationStatus status) {
    }

    public enum TriggerMessageStatus { Accepted, Rejected, NotImplemented }

    public record TriggerMessageResponse(@NotNull TriggerMessageStatus status) {
    }

    public enum ChargingProfileStatus { Accepted, Rejected, NotSupported }

    public record SetChargingProfileResponse(@NotNull ChargingProfileStatus status) {
    }

    public enum ClearChargingProfileStatus { Accepted, Unknown }

    public record ClearChargingProfileResponse(@NotNull ClearChargingProfileStatus status) {
    }

    /** Status words that mean the charger will do (or has done) what was asked. */
    private static final Set<String> ACCEPTING = Set.of("Accepted", "Unlocked", "RebootRequired", "Scheduled");

    @Inject
    RecordCodec codec;

    public OutboundCall encode(Command command) {
        if (command instanceof Command.RemoteStart c) {
            return status("RemoteStartTransaction", new RemoteStartTransaction(c.connectorId(), c.idTag()),
                    RemoteStartStopResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.RemoteStop c) {
            return status("RemoteStopTransaction", new RemoteStopTransaction(c.transactionId()),
                    RemoteStartStopResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.Reset c) {
            return status("Reset", new Reset(c.kind() == Command.Reset.Kind.HARD ? ResetType.Hard : ResetType.Soft),
                    ResetResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.Unlock c) {
            return status("UnlockConnector", new UnlockConnector(c.connectorId()), UnlockConnectorResponse.class,
                    r -> r.status().name());
        }
        if (command instanceof Command.ChangeAvailability c) {
            return status("ChangeAvailability", new ChangeAvailability(c.connectorId(),
                    c.operative() ? AvailabilityType.Operative : AvailabilityType.Inoperative),
                    ChangeAvailabilityResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.GetConfiguration c) {
            return call("GetConfiguration", new GetConfiguration(c.keys() == null || c.keys().isEmpty() ? null
                    : c.keys()), GetConfigurationResponse.class, V16Commands::configuration);
        }
        if (command instanceof Command.ChangeConfiguration c) {
            return status("ChangeConfiguration", new ChangeConfiguration(c.key(), c.value()),
                    ChangeConfigurationResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.Trigger c) {
            return status("TriggerMessage", new TriggerMessage(c.message().messageName(), c.connectorId()),
                    TriggerMessageResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.SetLimit c) {
            return status("SetChargingProfile", chargingProfile(c), SetChargingProfileResponse.class,
                    r -> r.status().name());
        }
        if (command instanceof Command.ClearLimit c) {
            // Unknown: the charger had no such profile (it rebooted, say); there is nothing to clear.
            return call("ClearChargingProfile", new ClearChargingProfile(c.profileId(), null, null, null),
                    ClearChargingProfileResponse.class, r -> new CommandReply(r.status().name(), true, Map.of()));
        }
        throw CommandFailure.unsupported(V16Adapter.SUBPROTOCOL, command.name());
    }

    private static SetChargingProfile chargingProfile(Command.SetLimit c) {
        ChargingSchedule schedule = new ChargingSchedule(null, c.from(),
                c.unit() == RateUnit.W ? ChargingRateUnit.W : ChargingRateUnit.A,
                List.of(new ChargingSchedulePeriod(0, c.limit(), null)), null);
        ChargingProfilePurpose purpose = c.purpose() == Command.SetLimit.Purpose.CHARGE_POINT_MAX
                ? ChargingProfilePurpose.ChargePointMaxProfile : ChargingProfilePurpose.TxDefaultProfile;
        return new SetChargingProfile(c.connectorId(), new ChargingProfile(c.profileId(), null, c.stackLevel(),
                purpose, ChargingProfileKind.Absolute, null, null, schedule));
    }

    private static CommandReply configuration(GetConfigurationResponse r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("configurationKey", r.configurationKey() == null ? List.of() : r.configurationKey().stream()
                .map(k -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("key", k.key());
                    entry.put("readonly", k.readonly());
                    entry.put("value", k.value());
                    return entry;
                }).toList());
        details.put("unknownKey", r.unknownKey() == null ? List.of() : r.unknownKey());
        return new CommandReply("Accepted", true, details);
    }

    /** A call whose answer is just a status word. */
    private <Q extends Record, R extends Record> OutboundCall status(String action, Q request, Class<R> response,
            Function<R, String> status) {
        return call(action, request, response, r -> {
            String word = status.apply(r);
            return new CommandReply(word, ACCEPTING.contains(word), Map.of());
        });
    }

    private <Q extends Record, R extends Record> OutboundCall call(String action, Q request, Class<R> response,
            Function<R, CommandReply> reply) {
        try {
            codec.check(request);
        } catch (OcppException e) {
            throw new CommandFailure(io.plughome.control.Outcome.ERROR, "InvalidCommand",
                    action + " would break the OCPP 1.6 schema: " + e.getMessage());
        }
        return new OutboundCall(action, codec.write(request),
                (payload, deviations) -> reply.apply(codec.read(payload, response, deviations)));
    }
}
