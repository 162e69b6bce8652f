package io.plughome.ocpp.v201;

import static io.plughome.ocpp.v201.V201Calls.*;

import io.plughome.charger.ChargerService;
import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import io.plughome.control.RateUnit;
import io.plughome.control.Setting;
import io.plughome.ocpp.CommandEncoder;
import io.plughome.ocpp.RecordCodec;
import io.plughome.ocpp.SettingNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version-neutral commands in OCPP 2.0.1 words. Connectors are placed in the charger's EVSEs
 * (the API's connectorId is an EVSE's connector); settings are device-model variables
 * (GetVariables/SetVariables), named {@code Component.Variable} or by their 1.6 key where 2.0.1
 * migrated it; limits are charging profiles of the 2.0.1 purposes.
 */
@ApplicationScoped
public class V201Commands extends CommandEncoder {

    @Inject
    ChargerService chargers;

    RecordCodec codec;

    public V201Commands() {
        super(V201Adapter.SUBPROTOCOL);
        on(Command.RemoteStart.class, (chargerId, c) -> call("RequestStartTransaction",
                new RequestStartTransaction(c.connectorId() == null ? null : evse(chargerId, c.connectorId()).id(),
                        Types.IdToken.of(c.idToken(), Types.IdTokenType.Central), c.requestId(), null, null),
                RequestStartTransactionResponse.class, r -> reply(r.status().name(),
                        r.transactionId() == null ? Map.of() : Map.of("transactionId", r.transactionId()))));
        on(Command.RemoteStop.class, c -> status("RequestStopTransaction",
                new RequestStopTransaction(c.transactionId()), RequestStopTransactionResponse.class,
                r -> r.status().name()));
        on(Command.Reset.class, c -> status("Reset", new Reset(c.kind() == Command.Reset.Kind.HARD
                ? ResetType.Immediate : ResetType.OnIdle, null), ResetResponse.class, r -> r.status().name()));
        on(Command.Unlock.class, (chargerId, c) -> {
            Types.EVSE evse = evse(chargerId, c.connectorId());
            return call("UnlockConnector", new UnlockConnector(evse.id(), evse.connectorId() == null ? 1
                    : evse.connectorId()), UnlockConnectorResponse.class, r -> reply(switch (r.status()) {
                        case Unlocked, UnlockFailed -> r.status().name();
                        case OngoingAuthorizedTransaction -> "UnlockFailed";
                        case UnknownConnector -> "NotSupported";
                    }, Map.of("chargerStatus", r.status().name())));
        });
        on(Command.ChangeAvailability.class, (chargerId, c) -> status("ChangeAvailability",
                new ChangeAvailability(c.operative() ? OperationalStatus.Operative : OperationalStatus.Inoperative,
                        c.connectorId() == 0 ? null : evse(chargerId, c.connectorId())),
                ChangeAvailabilityResponse.class, r -> r.status().name()));
        on(Command.GetConfiguration.class, c -> c.settings().isEmpty() ? noneNamed() : call("GetVariables", new GetVariables(c.settings().stream()
                .map(s -> new GetVariableData(null, component(variable(s)), new Types.Variable(variable(s).variable(),
                        null))).toList()), GetVariablesResponse.class, r -> configuration(c.settings(), r)));
        on(Command.ChangeConfiguration.class, c -> {
            Setting s = variable(c.setting());
            return call("SetVariables", new SetVariables(List.of(new SetVariableData(null, c.value(), component(s),
                    new Types.Variable(s.variable(), null)))), SetVariablesResponse.class, r -> {
                        SetVariableStatus status = r.setVariableResult().get(0).attributeStatus();
                        String word = switch (status) {
                            case Accepted, Rejected, RebootRequired -> status.name();
                            case UnknownComponent, UnknownVariable, NotSupportedAttributeType -> "NotSupported";
                        };
                        return reply(word, Map.of("attributeStatus", status.name()));
                    });
        });
        on(Command.Trigger.class, (chargerId, c) -> status("TriggerMessage", new TriggerMessage(trigger(c.message()),
                c.connectorId() == null ? null : evse(chargerId, c.connectorId())), TriggerMessageResponse.class,
                r -> r.status().name()));
        on(Command.SetLimit.class, (chargerId, c) -> status("SetChargingProfile", chargingProfile(chargerId, c),
                SetChargingProfileResponse.class, r -> r.status().name()));
        // Unknown: the charger had no such profile (it rebooted, say); there is nothing to clear.
        on(Command.ClearLimit.class, c -> call("ClearChargingProfile", new ClearChargingProfile(c.profileId(), null),
                ClearChargingProfileResponse.class, r -> new CommandReply(r.status().name(), true, Map.of())));
        on(Command.ReportDeviceModel.class, c -> status("GetBaseReport", new GetBaseReport(c.requestId(),
                ReportBase.FullInventory), GetBaseReportResponse.class, r -> r.status().name()));
        on(Command.GetLocalListVersion.class, c -> call("GetLocalListVersion", new GetLocalListVersion(),
                GetLocalListVersionResponse.class, r -> new CommandReply("Accepted", true,
                        Map.of("listVersion", r.versionNumber()))));
        on(Command.SendLocalList.class, c -> status("SendLocalList", localList(c), SendLocalListResponse.class,
                r -> r.status().name()));
        on(Command.UploadLog.class, c -> call("GetLog", new GetLog(new LogParameters(c.location(), c.startTime(),
                c.stopTime()), LogType.DiagnosticsLog, c.requestId(), c.retries(), c.retryInterval()),
                GetLogResponse.class, r -> reply(r.status().name(), r.filename() == null ? Map.of()
                        : Map.of("fileName", r.filename()))));
        on(Command.UpdateFirmware.class, c -> status("UpdateFirmware", new UpdateFirmware(c.retries(),
                c.retryInterval(), c.requestId(), new Firmware(c.location(), c.retrieveDate(), null, null, null)),
                UpdateFirmwareResponse.class, r -> r.status().name()));
    }

    @Inject
    void codec(jakarta.validation.ValidatorFactory validators) {
        codec = V201Adapter.codec(RecordCodec.validatorFor(validators));
    }

    @Override
    protected RecordCodec codec() {
        return codec;
    }

    @Override
    protected Map<String, Spec> calls() {
        return ALL;
    }

    /** 2.0.1 reads variables by name; everything the charger has is its device model. */
    private static io.plughome.ocpp.OutboundCall noneNamed() {
        throw CommandFailure.invalid("An OCPP 2.0.1 charger reads settings by name (key=Component.Variable);"
                + " all of them are its device model: POST .../device-model/refresh, then GET .../device-model");
    }

    private static CommandReply reply(String status, Map<String, Object> details) {
        return new CommandReply(status, accepting(status), details);
    }

    /** Where a connector is in the charger's EVSEs: as it reported, or EVSE N connector 1 for connector N. */
    private Types.EVSE evse(String chargerId, int connectorId) {
        if (connectorId == 0) {
            return new Types.EVSE(0, null);
        }
        return chargers.connector(chargerId, connectorId).filter(c -> c.evseId() != null)
                .map(c -> new Types.EVSE(c.evseId(), c.evseConnectorId()))
                .orElse(new Types.EVSE(connectorId, null));
    }

    /** A setting as a 2.0.1 variable: named with its component, or a 1.6 key 2.0.1 migrated. */
    private static Setting variable(Setting setting) {
        return SettingNames.asVariable(setting).orElseThrow(() -> CommandFailure.invalid("OCPP 2.0.1 settings are"
                + " variables of components: name it Component.Variable (e.g. OCPPCommCtrlr.HeartbeatInterval); '"
                + setting.text() + "' is no 1.6 key that 2.0.1 has a variable for"));
    }

    private static Types.Component component(Setting s) {
        return new Types.Component(s.component(), null, null);
    }

    /** The answer in the shape 1.6 gives it: the values read, and the names the charger does not know. */
    private static CommandReply configuration(List<Setting> asked, GetVariablesResponse r) {
        List<Map<String, Object>> values = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (GetVariableResult result : r.getVariableResult()) {
            String name = result.component().name() + "." + result.variable().name();
            String text = asked.stream().filter(s -> variable(s).component().equalsIgnoreCase(result.component().name())
                    && variable(s).variable().equalsIgnoreCase(result.variable().name())).map(Setting::text)
                    .findFirst().orElse(name);
            if (result.attributeStatus() == GetVariableStatus.Accepted) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", text);
                entry.put("readonly", null);
                entry.put("value", result.attributeValue());
                values.add(entry);
            } else {
                unknown.add(text);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("configurationKey", values);
        details.put("unknownKey", unknown);
        return new CommandReply("Accepted", true, details);
    }

    static MessageTrigger trigger(io.plughome.control.TriggerMessage message) {
        return switch (message) {
            case BOOT_NOTIFICATION -> MessageTrigger.BootNotification;
            case LOG_STATUS_NOTIFICATION -> MessageTrigger.LogStatusNotification;
            case FIRMWARE_STATUS_NOTIFICATION -> MessageTrigger.FirmwareStatusNotification;
            case HEARTBEAT -> MessageTrigger.Heartbeat;
            case METER_VALUES -> MessageTrigger.MeterValues;
            case STATUS_NOTIFICATION -> MessageTrigger.StatusNotification;
        };
    }

    private SetChargingProfile chargingProfile(String chargerId, Command.SetLimit c) {
        ChargingSchedule schedule = new ChargingSchedule(c.profileId(), c.from(), null,
                c.unit() == RateUnit.W ? ChargingRateUnit.W : ChargingRateUnit.A,
                List.of(new ChargingSchedulePeriod(0, c.limit(), null, null)), null, null);
        ChargingProfilePurpose purpose = c.purpose() == Command.SetLimit.Purpose.CHARGE_POINT_MAX
                ? ChargingProfilePurpose.ChargingStationMaxProfile : ChargingProfilePurpose.TxDefaultProfile;
        int evseId = c.connectorId() == 0 ? 0 : evse(chargerId, c.connectorId()).id();
        return new SetChargingProfile(evseId, new ChargingProfile(c.profileId(), c.stackLevel(), purpose,
                ChargingProfileKind.Absolute, null, null, null, null, List.of(schedule)));
    }

    /** The owner's idTags as idTokens of the type the owner gave; RFID cards (ISO14443) when none. */
    private static SendLocalList localList(Command.SendLocalList c) {
        List<AuthorizationData> entries = c.entries().stream().map(e -> new AuthorizationData(
                Types.IdToken.of(new io.plughome.authorization.IdToken(e.idTag(), e.tokenType()),
                        Types.IdTokenType.ISO14443),
                e.status() == null ? null : new Types.IdTokenInfo(Types.AuthorizationStatus.valueOf(e.status()),
                        e.expiryDate(), null, null, null, e.parentIdTag() == null ? null
                                : new Types.IdToken(e.parentIdTag(), Types.IdTokenType.Central, null), null, null)))
                .toList();
        return new SendLocalList(c.version(), c.full() ? UpdateType.Full : UpdateType.Differential,
                entries.isEmpty() ? null : entries);
    }
}
