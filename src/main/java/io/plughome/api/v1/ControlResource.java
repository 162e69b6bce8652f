package io.plughome.api.v1;

import io.plughome.charger.ChargerService;
import io.plughome.control.Command;
import io.plughome.control.CommandResult;
import io.plughome.control.ControlConfig;
import io.plughome.control.ControlService;
import io.plughome.control.RequestIds;
import io.plughome.control.Setting;
import io.plughome.control.TriggerMessage;
import io.plughome.authorization.IdToken;
import io.plughome.session.ChargingSession;
import io.plughome.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Remote control of one charger. Each call is sent to the charger at once and answered with
 * what the charger said: 200 {@code {"status": ...}}, 409 offline (nothing sent or queued), 504
 * no answer in time, 502 the charger answered with an OCPP error, 404 unknown charger.
 * (Same root path as {@link ChargersResource}, so that JAX-RS matches the methods of both.)
 */
@Path("v1/chargers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Control", description = "Commands sent to a charger; admin role, audited")
@APIResponse(responseCode = "200", description = "The charger's answer: {\"status\": \"Accepted\"} or another"
        + " status word of the charger")
@APIResponse(responseCode = "400", description = "Invalid body",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "Not an admin token; nothing is sent",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "404", description = "No such charger",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "409", description = "The charger is offline; nothing was sent",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "502", description = "The charger answered with an OCPP error (its code and"
        + " description) or with an invalid answer", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "504", description = "The charger did not answer within PLUGHOME_COMMAND_TIMEOUT",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class ControlResource {

    @Inject
    ControlService control;

    @Inject
    ControlConfig config;

    @Inject
    SessionService sessions;

    @Inject
    ChargerService chargers;

    @Inject
    RequestIds requestIds;

    @Context
    SecurityContext security;

    @POST
    @Path("{id}/remote-start")
    @Operation(summary = "Start charging (RemoteStartTransaction)")
    public CompletionStage<Response> remoteStart(@Parameter(description = "Charge point id") @PathParam("id") String id,
            @Valid ControlBodies.RemoteStart body) {
        ControlBodies.RemoteStart b = body == null ? new ControlBodies.RemoteStart(null, null) : body;
        return send(id, new Command.RemoteStart(b.connectorId(), new IdToken(b.idTag() != null ? b.idTag()
                : config.remoteIdTag(), IdToken.CENTRAL), requestIds.next()));
    }

    @POST
    @Path("{id}/remote-stop")
    @Operation(summary = "Stop charging (RemoteStopTransaction)",
            description = "Without transactionId, the charger's active transaction is stopped (409 when it has none;"
                    + " give connectorId or transactionId when several are active).")
    public CompletionStage<Response> remoteStop(@PathParam("id") String id, @Valid ControlBodies.RemoteStop body) {
        String transactionId = body == null ? null : body.transactionIdText();
        if (transactionId == null) {
            transactionId = activeTransaction(id, body == null ? null : body.connectorId());
        }
        return send(id, new Command.RemoteStop(transactionId));
    }

    @POST
    @Path("{id}/reset")
    @Operation(summary = "Restart the charger (Reset)")
    public CompletionStage<Response> reset(@PathParam("id") String id, @Valid ControlBodies.Reset body) {
        boolean hard = body != null && body.type() == ControlBodies.ResetType.Hard;
        return send(id, new Command.Reset(hard ? Command.Reset.Kind.HARD : Command.Reset.Kind.SOFT));
    }

    @POST
    @Path("{id}/unlock")
    @Operation(summary = "Release a connector's cable lock (UnlockConnector)")
    public CompletionStage<Response> unlock(@PathParam("id") String id, @Valid ControlBodies.Unlock body) {
        if (body == null) {
            throw ApiError.badRequest("Give the connector: {\"connectorId\": 1}");
        }
        return send(id, new Command.Unlock(body.connectorId()));
    }

    @POST
    @Path("{id}/availability")
    @Operation(summary = "Make a connector or the charger operative or inoperative (ChangeAvailability)")
    public CompletionStage<Response> availability(@PathParam("id") String id,
            @Valid ControlBodies.Availability body) {
        if (body == null) {
            throw ApiError.badRequest("Give the availability: {\"connectorId\": 0, \"type\": \"Inoperative\"}");
        }
        return send(id, new Command.ChangeAvailability(body.connectorId() == null ? 0 : body.connectorId(),
                body.type() == ControlBodies.AvailabilityType.Operative));
    }

    @POST
    @Path("{id}/configuration")
    @Operation(summary = "Change one configuration key, or read keys (ChangeConfiguration / GetConfiguration)",
            description = "{\"key\": \"HeartbeatInterval\", \"value\": \"300\"} changes a key; {\"keys\": [...]} or {}"
                    + " reads keys (all when none are listed) and answers configurationKey and unknownKey.")
    public CompletionStage<Response> configuration(@PathParam("id") String id,
            @Valid ControlBodies.Configuration body) {
        if (body != null && body.key() != null) {
            if (body.value() == null) {
                throw ApiError.badRequest("ChangeConfiguration needs a value for '" + body.key() + "'");
            }
            return send(id, new Command.ChangeConfiguration(Setting.parse(body.key()), body.value()));
        }
        if (body != null && body.value() != null) {
            throw ApiError.badRequest("A value needs the key it is for");
        }
        return send(id, new Command.GetConfiguration(settings(body == null ? null : body.keys())));
    }

    @GET
    @Path("{id}/configuration")
    @AdminOnly
    @Operation(summary = "Read configuration keys from the charger (GetConfiguration)",
            description = "Admin only, though it reads: it sends a call to the charger, and a viewer's requests"
                    + " never reach a charger.")
    public CompletionStage<Response> readConfiguration(@PathParam("id") String id,
            @Parameter(description = "Keys to read (repeat the parameter); all keys when none")
            @QueryParam("key") List<String> keys) {
        return send(id, new Command.GetConfiguration(settings(keys)));
    }

    private static List<Setting> settings(List<String> keys) {
        return keys == null ? List.of() : keys.stream().map(Setting::parse).toList();
    }

    @POST
    @Path("{id}/trigger")
    @Operation(summary = "Ask the charger to send a message now (TriggerMessage)")
    public CompletionStage<Response> trigger(@PathParam("id") String id, @Valid ControlBodies.Trigger body) {
        if (body == null) {
            throw ApiError.badRequest("Give the message: {\"requestedMessage\": \"StatusNotification\"}");
        }
        TriggerMessage message = TriggerMessage.byName(body.requestedMessage()).orElseThrow(() -> ApiError.badRequest(
                "requestedMessage must be one of " + TriggerMessage.allNames().stream().sorted()
                        .collect(Collectors.joining(", "))));
        return send(id, new Command.Trigger(message, body.connectorId()));
    }

    @POST
    @Path("{id}/call/{action}")
    @Operation(summary = "Send any OCPP call by its action name (the escape hatch)",
            description = "The body is the call's payload in the charger's protocol version, e.g. DataTransfer"
                    + " {\"vendorId\": \"com.example\", \"data\": \"...\"} or GetLocalListVersion {}. It is checked"
                    + " against that version's schema first (400 with the reason, nothing sent). The answer is the"
                    + " charger's CALLRESULT payload as it sent it; a CALLERROR is 502 with its code and description.")
    @APIResponse(responseCode = "200", description = "The charger's CALLRESULT payload, as it was")
    public CompletionStage<Response> call(@PathParam("id") String id,
            @Parameter(description = "OCPP action, e.g. DataTransfer") @PathParam("action") String action,
            jakarta.json.JsonValue payload) {
        if (!(payload instanceof jakarta.json.JsonObject object)) {
            throw ApiError.badRequest("Give the call's payload as a JSON object ({} when it has no fields)");
        }
        return send(id, new Command.Call(action, object));
    }

    private String activeTransaction(String chargerId, Integer connectorId) {
        if (chargers.byId(chargerId).isEmpty()) {
            throw ApiError.noCharger(chargerId);
        }
        List<ChargingSession> active = sessions.allActiveOn(chargerId).stream()
                .filter(s -> connectorId == null || s.connectorId() == connectorId).toList();
        if (active.isEmpty()) {
            throw ApiError.exception(Response.Status.CONFLICT, "NoActiveTransaction", "Charger " + chargerId
                    + " has no active transaction" + (connectorId == null ? "" : " on connector " + connectorId));
        }
        if (active.size() > 1) {
            throw ApiError.exception(Response.Status.CONFLICT, "SeveralActiveTransactions", "Charger " + chargerId
                    + " has several active transactions; give transactionId or connectorId");
        }
        return active.get(0).transactionId();
    }

    private CompletionStage<Response> send(String chargerId, Command command) {
        try {
            return control.execute(Callers.actor(security), chargerId, command).thenApply(ControlResource::answer);
        } catch (NoSuchElementException e) {
            throw ApiError.notFound(e.getMessage());
        }
    }

    /** How a command ended, as an HTTP answer. */
    static Response answer(CommandResult result) {
        return switch (result.outcome()) {
            case ACCEPTED, REJECTED -> {
                if (result.reply().payload() != null) {
                    yield Response.ok(result.reply().payload(), MediaType.APPLICATION_JSON_TYPE).build();
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", result.reply().status());
                body.putAll(result.reply().details());
                yield Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
            }
            case OFFLINE -> ApiError.response(Response.Status.CONFLICT, result.failure().error(),
                    result.failure().getMessage());
            case TIMEOUT -> ApiError.response(Response.Status.GATEWAY_TIMEOUT, result.failure().error(),
                    result.failure().getMessage());
            case ERROR -> ApiError.response(result.failure().invalidCommand() ? Response.Status.BAD_REQUEST
                    : Response.Status.BAD_GATEWAY, result.failure().error(), result.failure().getMessage());
        };
    }
}
