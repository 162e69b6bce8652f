package io.plughome.ocpp.v16;

import static io.plughome.ocpp.v16.V16Calls.*;

import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import io.plughome.control.RateUnit;
import io.plughome.ocpp.CommandEncoder;
import io.plughome.ocpp.OutboundCall;
import io.plughome.ocpp.RecordCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.plughome.ocpp.SettingNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-initiated calls of OCPP 1.6J: each version-neutral {@link Command} as its 1.6
 * request record ({@link V16Calls}), each 1.6 answer as a {@link CommandReply}, and any call by
 * name ({@link Command.Call}) checked against the 1.6 schema before it goes out.
 */
@ApplicationScoped
public class V16Commands extends CommandEncoder {

    @Inject
    RecordCodec codec;

    public V16Commands() {
        super(V16Adapter.SUBPROTOCOL);
        on(Command.RemoteStart.class, c -> status("RemoteStartTransaction",
                new RemoteStartTransaction(c.connectorId(), c.idToken().value(), null), RemoteStartStopResponse.class,
                r -> r.status().name()));
        on(Command.RemoteStop.class, c -> status("RemoteStopTransaction",
                new RemoteStopTransaction(transactionNumber(c.transactionId())), RemoteStartStopResponse.class,
                r -> r.status().name()));
        on(Command.Reset.class, c -> status("Reset",
                new Reset(c.kind() == Command.Reset.Kind.HARD ? ResetType.Hard : ResetType.Soft), ResetResponse.class,
                r -> r.status().name()));
        on(Command.Unlock.class, c -> status("UnlockConnector", new UnlockConnector(c.connectorId()),
                UnlockConnectorResponse.class, r -> r.status().name()));
        on(Command.ChangeAvailability.class, c -> status("ChangeAvailability", new ChangeAvailability(c.connectorId(),
                c.operative() ? AvailabilityType.Operative : AvailabilityType.Inoperative),
                ChangeAvailabilityResponse.class, r -> r.status().name()));
        on(Command.GetConfiguration.class, c -> call("GetConfiguration", new GetConfiguration(c.settings().isEmpty()
                ? null : c.settings().stream().map(SettingNames::asKey).toList()), GetConfigurationResponse.class,
                V16Commands::configuration));
        on(Command.ChangeConfiguration.class, c -> status("ChangeConfiguration",
                new ChangeConfiguration(SettingNames.asKey(c.setting()), c.value()), ChangeConfigurationResponse.class,
                r -> r.status().name()));
        on(Command.Trigger.class, c -> status("TriggerMessage", new TriggerMessage(messageName(c.message()),
                c.connectorId()), TriggerMessageResponse.class, r -> r.status().name()));
        on(Command.SetLimit.class, c -> status("SetChargingProfile", chargingProfile(c),
                SetChargingProfileResponse.class, r -> r.status().name()));
        // Unknown: the charger had no such profile (it rebooted, say); there is nothing to clear.
        on(Command.ClearLimit.class, c -> call("ClearChargingProfile",
                new ClearChargingProfile(c.profileId(), null, null, null), ClearChargingProfileResponse.class,
                r -> new CommandReply(r.status().name(), true, Map.of())));
        on(Command.GetLocalListVersion.class, c -> call("GetLocalListVersion", new GetLocalListVersion(),
                GetLocalListVersionResponse.class,
                r -> new CommandReply("Accepted", true, Map.of("listVersion", r.listVersion()))));
        on(Command.SendLocalList.class, c -> status("SendLocalList", localList(c), SendLocalListResponse.class,
                r -> r.status().name()));
        on(Command.UploadLog.class, c -> call("GetDiagnostics", new GetDiagnostics(c.location(), c.retries(),
                c.retryInterval(), c.startTime(), c.stopTime()), GetDiagnosticsResponse.class,
                r -> new CommandReply("Accepted", true, r.fileName() == null ? Map.of() : Map.of("fileName",
                        r.fileName()))));
        on(Command.UpdateFirmware.class, c -> call("UpdateFirmware", new UpdateFirmware(c.location(), c.retries(),
                c.retrieveDate(), c.retryInterval()), UpdateFirmwareResponse.class,
                r -> new CommandReply("Accepted", true, Map.of())));
    }

    @Override
    protected RecordCodec codec() {
        return codec;
    }

    @Override
    protected Map<String, Spec> calls() {
        return ALL;
    }

    /** The 1.6 idTag: a CiString20. */
    private static final class IdTag16 {
        static final int MAX = 20;
    }

    /** 1.6 transaction ids are numbers: the digits PlugHome drew, or a charger's own number. */
    private static long transactionNumber(String transactionId) {
        try {
            return Long.parseLong(transactionId);
        } catch (NumberFormatException e) {
            throw CommandFailure.invalid("OCPP 1.6 transaction ids are numbers; '" + transactionId + "' is not one");
        }
    }

    /** The 1.6 name of a message the charger is asked to send. */
    static String messageName(io.plughome.control.TriggerMessage message) {
        return switch (message) {
            case BOOT_NOTIFICATION -> "BootNotification";
            case LOG_STATUS_NOTIFICATION -> "DiagnosticsStatusNotification";
            case FIRMWARE_STATUS_NOTIFICATION -> "FirmwareStatusNotification";
            case HEARTBEAT -> "Heartbeat";
            case METER_VALUES -> "MeterValues";
            case STATUS_NOTIFICATION -> "StatusNotification";
        };
    }

    /**
     * The list in 1.6 words. 1.6 idTags have at most 20 characters: a longer idTag (a 2.0.1
     * idToken the owner listed) is left out, and this server answers for it when the charger asks;
     * a longer group is left off its entry.
     */
    private static SendLocalList localList(Command.SendLocalList c) {
        List<AuthorizationData> entries = c.entries().stream().filter(e -> e.idTag().length() <= IdTag16.MAX)
                .map(e -> new AuthorizationData(e.idTag(), e.status() == null ? null
                        : new Types.IdTagInfo(e.expiryDate(), e.parentIdTag() == null
                                || e.parentIdTag().length() > IdTag16.MAX ? null : e.parentIdTag(),
                                Types.AuthorizationStatus.valueOf(e.status())))).toList();
        return new SendLocalList(c.version(), entries, c.full() ? UpdateType.Full : UpdateType.Differential);
    }

    private static SetChargingProfile chargingProfile(Command.SetLimit c) {
        ChargingSchedule schedule = new ChargingSchedule(null, c.from(),
                c.unit() == RateUnit.W ? ChargingRateUnit.W : ChargingRateUnit.A,
                List.of(new ChargingSchedulePeriod(0, c.limit(), null)), null);
        ChargingProfilePurpose purpose = c.purpose() == Command.SetLimit.Purpose.CHARGE_POINT_MAX
                ? ChargingProfilePurpose.ChargePointMaxProfile : ChargingProfilePurpose.TxDefaultProfile;
        return new SetChargingProfile(c.connectorId(), new ChargingProfile(c.profileId(), null, c.stackLevel(),
                purpose, ChargingProfileKind.Absolute, null, null, null, schedule));
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
}
