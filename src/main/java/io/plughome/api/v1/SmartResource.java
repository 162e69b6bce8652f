package io.plughome.api.v1;

import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import io.plughome.smart.ChargeOverride;
import io.plughome.smart.ChargerRules;
import io.plughome.smart.ChargingWindow;
import io.plughome.smart.Limit;
import io.plughome.smart.ProfileApplier;
import io.plughome.smart.SmartCharging;
import io.plughome.smart.SmartRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A charger's smart-charging rules: its limit, its allowed charging windows and the override.
 * Changes are stored at once and put to the charger right after (a charging profile); how that
 * went shows in {@code applied} of the limits. (Same root path as {@link ChargersResource}.)
 */
@Path("v1/chargers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Smart charging", description = "Limits, allowed charging windows and override, per charger")
@APIResponse(responseCode = "404", description = "No such charger",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class SmartResource {

    @Inject
    SmartRules rules;

    @Inject
    SmartCharging smart;

    @Inject
    ProfileApplier applier;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @GET
    @Path("{id}/limits")
    @Operation(summary = "A charger's limit", description = "Its own limit (maxCurrentA or maxPowerW), the limit in"
            + " force now (effective: the smaller of its own limit and its site share, or 0 outside its charging"
            + " windows), the override, and how the last attempt to apply it ended (applied).")
    @APIResponse(responseCode = "200", description = "The limits",
            content = @Content(schema = @Schema(implementation = SmartViews.LimitsView.class)))
    public SmartViews.LimitsView limits(@Parameter(description = "Charge point id") @PathParam("id") String id) {
        return found(() -> view(id));
    }

    @PUT
    @Path("{id}/limits")
    @Operation(summary = "Set a charger's limit", description = "{\"maxCurrentA\": 16} or {\"maxPowerW\": 7400}."
            + " Stored, then sent to the charger as a charging profile (ChargePointMaxProfile on connector 0, or"
            + " the first fallback it accepts), and sent again whenever it reconnects. The answer shows the"
            + " limits; applied tells, once the charger answered, whether it took it.")
    @APIResponse(responseCode = "200", description = "The limits as changed",
            content = @Content(schema = @Schema(implementation = SmartViews.LimitsView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of maxCurrentA and maxPowerW, or out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public SmartViews.LimitsView setLimit(@PathParam("id") String id, @Valid SmartViews.LimitBody body) {
        if (body == null) {
            throw ApiError.badRequest("Give one of maxCurrentA or maxPowerW: {\"maxCurrentA\": 16}");
        }
        Limit limit = body.limit();
        found(() -> rules.setLimit(id, limit));
        audit.record(Callers.actor(security), id, "SetLimit", body, Outcome.ACCEPTED, null, null);
        return view(id);
    }

    @DELETE
    @Path("{id}/limits")
    @Operation(summary = "Remove a charger's own limit", description = "Schedules, override and the site limit"
            + " still apply; with none of them the charger's profile is cleared.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response clearLimit(@PathParam("id") String id) {
        found(() -> rules.setLimit(id, null));
        audit.record(Callers.actor(security), id, "ClearLimit", null, Outcome.ACCEPTED, null, null);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/schedules")
    @Operation(summary = "A charger's allowed charging windows", description = "With none, the charger may charge"
            + " at any time; with some, only inside them (outside, charging is paused at 0).")
    @APIResponse(responseCode = "200", description = "The windows")
    public Page<SmartViews.ScheduleView> schedules(@PathParam("id") String id) {
        var windows = found(() -> rules.windows(id)).stream().map(SmartViews.ScheduleView::of).toList();
        return new Page<>(windows, windows.size());
    }

    @POST
    @Path("{id}/schedules")
    @Operation(summary = "Add an allowed charging window",
            description = "{\"daysOfWeek\": [\"MONDAY\"], \"startTime\": \"22:00\", \"endTime\": \"06:00\"}, in the"
                    + " owner's time zone (PLUGHOME_TIMEZONE).")
    @APIResponse(responseCode = "201", description = "The window, with its id",
            content = @Content(schema = @Schema(implementation = SmartViews.ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "No days, an unknown day, or a time that is not HH:MM",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response addSchedule(@PathParam("id") String id, SmartViews.ScheduleView body) {
        if (body == null) {
            throw ApiError.badRequest("Give daysOfWeek, startTime and endTime");
        }
        var window = body.window();
        ChargingWindow stored = found(() -> rules.addWindow(id, window));
        SmartViews.ScheduleView created = SmartViews.ScheduleView.of(stored);
        audit.record(Callers.actor(security), id, "AddSchedule", created, Outcome.ACCEPTED, null, null);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("{id}/schedules/{scheduleId}")
    @Operation(summary = "Remove an allowed charging window")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteSchedule(@PathParam("id") String id, @PathParam("scheduleId") long scheduleId) {
        if (!found(() -> rules.deleteWindow(id, scheduleId))) {
            throw ApiError.notFound("Charger " + id + " has no schedule " + scheduleId);
        }
        audit.record(Callers.actor(security), id, "DeleteSchedule", Map.of("id", scheduleId), Outcome.ACCEPTED,
                null, null);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/override")
    @Operation(summary = "Charge now, ignoring schedules", description = "{\"until\": \"2026-11-24T18:00:00Z\"},"
            + " or {} for until the charger's session ends (the active one, or the next one if none is active)."
            + " Limits still hold. Replaces an earlier override.")
    @APIResponse(responseCode = "200", description = "The limits, with the override",
            content = @Content(schema = @Schema(implementation = SmartViews.LimitsView.class)))
    @APIResponse(responseCode = "400", description = "until is not an instant, or has passed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public SmartViews.LimitsView override(@PathParam("id") String id, SmartViews.OverrideBody body) {
        Instant until = body == null ? null : Params.instant("until", body.until());
        if (until != null && !until.isAfter(clock.instant())) {
            throw ApiError.badRequest("until has passed: " + until);
        }
        found(() -> rules.setOverride(id, new ChargeOverride(until)));
        audit.record(Callers.actor(security), id, "Override", body == null ? Map.of() : body, Outcome.ACCEPTED,
                null, null);
        return view(id);
    }

    @DELETE
    @Path("{id}/override")
    @Operation(summary = "Cancel the override", description = "Schedules apply again at once.")
    @APIResponse(responseCode = "204", description = "Cancelled (or there was none)")
    public Response cancelOverride(@PathParam("id") String id) {
        if (found(() -> rules.cancelOverride(id))) {
            audit.record(Callers.actor(security), id, "CancelOverride", null, Outcome.ACCEPTED, null, null);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pause charging", description = "Holds the charger at 0 with its session open (the car"
            + " stays plugged in and authorised), until resumed or until the session ends. What Home Assistant's"
            + " charge switch does when turned off. No body.")
    @APIResponse(responseCode = "200", description = "The limits, paused",
            content = @Content(schema = @Schema(implementation = SmartViews.LimitsView.class)))
    public SmartViews.LimitsView pause(@PathParam("id") String id) {
        if (found(() -> rules.setPaused(id, true))) {
            audit.record(Callers.actor(security), id, "Pause", null, Outcome.ACCEPTED, null, null);
        }
        return view(id);
    }

    @DELETE
    @Path("{id}/pause")
    @Operation(summary = "Resume charging", description = "Lifts a pause: the charger's other limits hold again.")
    @APIResponse(responseCode = "204", description = "Resumed (or it was not paused)")
    public Response resume(@PathParam("id") String id) {
        if (found(() -> rules.setPaused(id, false))) {
            audit.record(Callers.actor(security), id, "Resume", null, Outcome.ACCEPTED, null, null);
        }
        return Response.noContent().build();
    }

    private SmartViews.LimitsView view(String id) {
        // whether a profile is on its way first: what is stored afterwards is at least as new
        boolean sending = applier.busy(id);
        ChargerRules stored = rules.of(id).orElse(null);
        return SmartViews.LimitsView.of(stored, smart.effective(id), sending, clock.instant());
    }

    /** Runs a use case; an unknown charger is a 404. */
    static <T> T found(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (NoSuchElementException e) {
            throw ApiError.notFound(e.getMessage());
        }
    }
}
