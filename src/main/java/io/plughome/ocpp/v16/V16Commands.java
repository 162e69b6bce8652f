package io.plughome.ocpp.v16;

import static io.plughome.ocpp.v16.V16Calls.*;

import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import io.plughome.control.RateUnit;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.OcppException;
import io.plughome.ocpp.OutboundCall;
import io.plughome.ocpp.RecordCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The server-initiated calls of OCPP 1.6J: each version-neutral {@link Command} as its 1.6
 * request record ({@link V16Calls}), each 1.6 answer as a {@link CommandReply}, and any call by
 * name ({@link Command.Call}) checked against the 1.6 schema before it goes out.
 */
@ApplicationScoped
public class V16Commands {

    /** Status words that mean the charger will do (or has done) what was asked. */
    private static final Set<String> ACCEPTING = Set.of("Accepted", "Unlocked", "RebootRequired", "Scheduled");

    @Inject
    RecordCodec codec;

    public OutboundCall encode(Command command) {
        if (command instanceof Command.RemoteStart c) {
            return status("RemoteStartTransaction", new RemoteStartTransaction(c.connectorId(), c.idTag(), null),
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
        if (command instanceof Command.GetLocalListVersion) {
            return call("GetLocalListVersion", new GetLocalListVersion(), GetLocalListVersionResponse.class,
                    r -> new CommandReply("Accepted", true, Map.of("listVersion", r.listVersion())));
        }
        if (command instanceof Command.SendLocalList c) {
            return status("SendLocalList", localList(c), SendLocalListResponse.class, r -> r.status().name());
        }
        if (command instanceof Command.GetDiagnostics c) {
            return call("GetDiagnostics", new GetDiagnostics(c.location(), c.retries(), c.retryInterval(),
                    c.startTime(), c.stopTime()), GetDiagnosticsResponse.class, r -> new CommandReply("Accepted", true,
                            r.fileName() == null ? Map.of() : Map.of("fileName", r.fileName())));
        }
        if (command instanceof Command.UpdateFirmware c) {
            return call("UpdateFirmware", new UpdateFirmware(c.location(), c.retries(), c.retrieveDate(),
                    c.retryInterval()), UpdateFirmwareResponse.class, r -> new CommandReply("Accepted", true, Map.of()));
        }
        if (command instanceof Command.Call c) {
            return raw(c);
        }
        throw CommandFailure.unsupported(V16Adapter.SUBPROTOCOL, command.name());
    }

    /**
     * A call by name: the payload must be exactly what the 1.6 schema allows (no unknown
     * properties, no tolerated misspellings); it goes out as it was given, and the answer comes
     * back as the charger sent it, once it reads as a valid answer.
     */
    private OutboundCall raw(Command.Call c) {
        Spec spec = ALL.get(c.action());
        if (spec == null) {
            throw CommandFailure.invalid("OCPP 1.6 has no call '" + c.action() + "' from the server; it has "
                    + new TreeSet<>(ALL.keySet()));
        }
        Deviations deviations = new Deviations();
        try {
            codec.read(c.payload(), spec.request(), deviations);
        } catch (OcppException e) {
            throw CommandFailure.invalid(c.action() + " breaks the OCPP 1.6 schema: " + e.getMessage());
        }
        if (!deviations.isEmpty()) {
            throw CommandFailure.invalid(c.action() + " breaks the OCPP 1.6 schema: " + deviations.all().entrySet()
                    .stream().map(d -> d.getKey() + " " + d.getValue()).sorted().toList());
        }
        return new OutboundCall(c.action(), c.payload(), (payload, seen) -> {
            codec.read(payload, spec.response(), seen);
            JsonObject answer = (JsonObject) payload;
            String word = answer.get("status") instanceof JsonString status ? status.getString() : null;
            return new CommandReply(word, word == null || ACCEPTING.contains(word), Map.of(), answer);
        });
    }

    private static SendLocalList localList(Command.SendLocalList c) {
        List<AuthorizationData> entries = c.entries().stream().map(e -> new AuthorizationData(e.idTag(),
                e.status() == null ? null : new Types.IdTagInfo(e.expiryDate(), e.parentIdTag(),
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
            throw CommandFailure.invalid(action + " would break the OCPP 1.6 schema: " + e.getMessage());
        }
        return new OutboundCall(action, codec.write(request),
                (payload, deviations) -> reply.apply(codec.read(payload, response, deviations)));
    }
}
