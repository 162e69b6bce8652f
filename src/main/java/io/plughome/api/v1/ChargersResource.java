package io.plughome.api.v1;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerService;
import io.plughome.charger.Presence;
import io.plughome.charger.Registration;
import io.plughome.control.Actor;
import io.plughome.control.AuditLog;
import io.plughome.control.Command;
import io.plughome.control.ControlService;
import io.plughome.control.Outcome;
import io.plughome.control.TriggerMessage;
import io.plughome.files.ChargerFile;
import io.plughome.files.FileStore;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.plughome.insight.Insights;
import io.plughome.session.SessionService;
import io.plughome.smart.SmartCharging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The chargers PlugHome knows: registered on first connection. */
@Path("v1/chargers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chargers", description = "Charge points, their connectors and live state")
public class ChargersResource {

    private static final Logger LOG = Logger.getLogger(ChargersResource.class.getName());

    @Inject
    FileStore files;

    @Inject
    ChargerService chargers;

    @Inject
    SessionService sessions;

    @Inject
    Presence presence;

    @Inject
    AuditLog audit;

    @Inject
    ControlService control;

    @Inject
    SmartCharging smart;

    @Inject
    Insights insights;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "All chargers", description = "Every charger that ever connected, with its connectors.")
    @APIResponse(responseCode = "200", description = "A page of chargers")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<ChargerView> list(
            @Parameter(description = "Page size (1-1000)") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new Page<>(chargers.all(offset, limit).stream().map(this::view).toList(), chargers.count());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One charger", description = "A charger with its connectors and its active session (null when none).")
    @APIResponse(responseCode = "200", description = "The charger",
            content = @Content(schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "404", description = "No such charger",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ChargerView get(@Parameter(description = "Charge point id") @PathParam("id") String id) {
        return chargers.byId(id).map(this::view).orElseThrow(() -> ApiError.noCharger(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a charger", description = "Any of: name (null clears it); sharedSecret (16-40"
            + " printable characters, stored hashed, never shown; null removes it, after which the charger connects"
            + " without credentials); approved (true accepts a pending charger, false sends it back to pending);"
            + " registration (ACCEPTED, PENDING or REJECTED). Approving a connected charger asks it to boot again at"
            + " once (TriggerMessage BootNotification), so it need not wait for its retry interval.")
    @APIResponse(responseCode = "200", description = "The charger as changed",
            content = @Content(schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "400", description = "An unknown field or a bad value",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such charger",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @RequestBody(content = @Content(schema = @Schema(implementation = ChargerPatch.class)))
    public ChargerView patch(@PathParam("id") String id, JsonObject body) {
        ChargerPatch patch = ChargerPatch.read(body);
        Registration before = chargers.update(id, patch.changes())
                .orElseThrow(() -> ApiError.noCharger(id));
        Actor actor = Callers.actor(security);
        audit.record(actor, id, "UpdateCharger", patch.redacted(), Outcome.ACCEPTED, null, null);
        if (patch.changes().registration() == Registration.ACCEPTED && before != Registration.ACCEPTED
                && presence.isOnline(id)) {
            // Let the charger boot again now rather than after its retry interval.
            control.execute(actor, id, new Command.Trigger(TriggerMessage.BOOT_NOTIFICATION, null));
            smart.approved(id);
        }
        return get(id);
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "Generate a charger's shared secret", description = "PlugHome draws a new secret for"
            + " the charger (32 letters and digits, about 190 bits) and answers it this once: enter it in the"
            + " charger as its OCPP password (HTTP Basic, security profile 1 or 2). It replaces any secret the"
            + " charger had. Being random, it is stored with a fast keyed hash instead of the slow one a secret a"
            + " person chose gets, so thousands of chargers logging in at once cost the server little.")
    @APIResponse(responseCode = "201", description = "The new secret, shown once",
            content = @Content(schema = @Schema(implementation = GeneratedSecret.class)))
    @APIResponse(responseCode = "403", description = "Not an admin token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such charger",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response generateSecret(@Parameter(description = "Charge point id") @PathParam("id") String id) {
        String secret = chargers.generateSecret(id).orElseThrow(() -> ApiError.noCharger(id));
        audit.record(Callers.actor(security), id, "UpdateCharger", Map.of("sharedSecret", "(generated)"),
                Outcome.ACCEPTED, null, null);
        return Response.status(Response.Status.CREATED).entity(new GeneratedSecret(id, secret)).build();
    }

    /** A secret PlugHome drew for a charger, answered once. */
    @Schema(name = "GeneratedSecret")
    public record GeneratedSecret(
            @Schema(description = "The charger") String chargerId,
            @Schema(description = "Its new shared secret: the password it presents as HTTP Basic credentials,"
                    + " with its id as user name. Not stored in a readable form: keep it now") String sharedSecret) {
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a charger", description = "Forgets the charger and everything stored about it:"
            + " sessions, meter readings, limits, windows, diagnostics files, device model (the audit log keeps its"
            + " entries). Its Home Assistant entities are removed too. A connected charger is refused with 409:"
            + " it would register again at once. Take a backup or a CSV of its sessions first if you want them.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such charger",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The charger is connected",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response remove(@PathParam("id") String id) {
        if (chargers.byId(id).isEmpty()) {
            throw ApiError.noCharger(id);
        }
        if (presence.isOnline(id)) {
            throw ApiError.exception(Response.Status.CONFLICT, "ChargerConnected", "Charger " + id
                    + " is connected and would register again at once: disconnect it (or point it at another"
                    + " server) first");
        }
        List<ChargerFile> diagnostics = files.diagnostics(id);
        if (!chargers.remove(id)) {
            throw ApiError.noCharger(id);
        }
        for (ChargerFile f : diagnostics) {
            try {
                files.deleteFromDisk(f);
            } catch (java.io.IOException e) {
                LOG.warning(() -> "Diagnostics file " + files.path(f) + " of removed charger " + id
                        + " not deleted: " + e.getMessage());
            }
        }
        audit.record(Callers.actor(security), id, "RemoveCharger", Map.of("sessionsAndReadings", "deleted"),
                Outcome.ACCEPTED, null, null);
        return Response.noContent().build();
    }

    private ChargerView view(Charger c) {
        return ChargerView.of(c, presence.isOnline(c.id()), presence.lastHeard(c.id()).orElse(null),
                chargers.connectors(c.id()), sessions.activeOn(c.id()).map(s -> SessionView.of(s, insights.tariff().orElse(null))).orElse(null),
                chargers.deviations(c.id()), sessions.totalEnergyWh(c.id()));
    }
}
