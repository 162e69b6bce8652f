package io.plughome.api.v1;

import io.plughome.charger.Presence;
import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import io.plughome.smart.AvailablePower;
import io.plughome.smart.Effective;
import io.plughome.smart.SiteLimit;
import io.plughome.smart.SiteState;
import io.plughome.smart.SmartCharging;
import io.plughome.smart.SmartRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site limit: one supply (the main fuse) shared by every charger. */
@Path("v1/site")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Smart charging")
public class SiteResource {

    @Inject
    SmartRules rules;

    @Inject
    SmartCharging smart;

    @Inject
    Presence presence;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @GET
    @Path("limits")
    @Operation(summary = "The site limit and how it is shared", description = "maxCurrentA (null: none), and each"
            + " connected or charging charger's effective limit: the site limit is shared equally among the"
            + " connectors that are charging (a charger whose own limit is lower keeps to it and leaves the rest),"
            + " and re-shared whenever a session starts or stops.")
    @APIResponse(responseCode = "200", description = "The site limit",
            content = @Content(schema = @Schema(implementation = SmartViews.SiteLimitsView.class)))
    public SmartViews.SiteLimitsView get() {
        SiteState site = rules.snapshot();
        Set<String> online = presence.online();
        Map<String, Effective> plan = smart.plan(site, online);
        Map<String, Integer> charging = smart.charging(site);
        Set<String> shown = new TreeSet<>(online);
        shown.addAll(charging.keySet());
        List<SmartViews.ShareView> shares = shown.stream().map(id -> new SmartViews.ShareView(id,
                online.contains(id), charging.getOrDefault(id, 0),
                SmartViews.EffectiveView.of(plan.get(id)))).toList();
        return new SmartViews.SiteLimitsView(rules.siteLimit().map(SiteLimit::maxCurrentA).orElse(null), shares);
    }

    @Schema(name = "AvailablePower")
    public record AvailablePowerView(@Schema(description = "The last input in W, if given so") Double powerW,
            @Schema(description = "The last input in A per phase, if given so") Double currentA, Instant receivedAt,
            @Schema(description = "The input as amperes per phase") Double inputCurrentA,
            @Schema(description = "The current (A per phase) all chargers together may draw because of it; 0 while"
                    + " paused; null when no input is followed") Double allowedCurrentA,
            @Schema(description = "Below the minimum for the hold time: the chargers pause") boolean paused,
            @Schema(description = "No input for the timeout: the fallback applies") boolean stale,
            @Schema(description = "The site limit as set") Double siteLimitA,
            @Schema(description = "The site limit the chargers share now") Double effectiveSiteLimitA,
            double minimumCurrentA, @Schema(description = "site-limit, or a fixed current") String fallback) {
    }

    @Inject
    AvailablePower power;

    @GET
    @Path("available-power")
    @Operation(summary = "The available power and the current it allows")
    public AvailablePowerView availablePower() {
        AvailablePower.State s = power.state();
        Double stored = rules.siteLimit().map(SiteLimit::maxCurrentA).orElse(null);
        return new AvailablePowerView(s.input() == null ? null : s.input().powerW(),
                s.input() == null ? null : s.input().currentA(), s.input() == null ? null : s.input().at(),
                s.inputCurrentA(), s.allowedCurrentA(), s.paused(), s.stale(), stored, power.siteLimit(stored),
                s.minimumCurrentA(), s.fallback());
    }

    @PUT
    @Path("available-power")
    @Operation(summary = "Report the power the house can spare", description = "{\"powerW\": 4200} or"
            + " {\"currentA\": 10} (per phase): solar surplus, or what the grid connection allows, for charging."
            + " It caps the site limit. Send it every few seconds to a minute; without updates for the timeout"
            + " the fallback applies. Not audited (it comes often).")
    @APIResponse(responseCode = "200", description = "What the input does now")
    @APIResponse(responseCode = "400", description = "Neither or both of powerW and currentA, or out of range")
    public AvailablePowerView reportAvailablePower(jakarta.json.JsonObject body) {
        Double watts = number(body, "powerW", 1_000_000);
        Double amps = number(body, "currentA", 1000);
        if ((watts == null) == (amps == null)) {
            throw ApiError.badRequest("Give one of powerW or currentA: {\"powerW\": 4200}");
        }
        if (power.report(watts, amps)) {
            smart.reconcile();
        }
        return availablePower();
    }

    private static Double number(jakarta.json.JsonObject body, String field, double max) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        if (!(body.get(field) instanceof jakarta.json.JsonNumber n)) {
            throw ApiError.badRequest(field + " must be a number");
        }
        double v = n.doubleValue();
        if (!(v >= 0 && v <= max)) {
            throw ApiError.badRequest(field + " must be between 0 and " + (long) max);
        }
        return v;
    }

    @DELETE
    @Path("available-power")
    @Operation(summary = "Stop following the available power", description = "Back to the plain site limit.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response clearAvailablePower() {
        if (power.clear()) {
            audit.record(Callers.actor(security), null, "ClearAvailablePower", null, Outcome.ACCEPTED, null, null);
            smart.reconcile();
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("limits")
    @Operation(summary = "Set the site limit", description = "{\"maxCurrentA\": 32}: the current per phase that all"
            + " chargers together may draw.")
    @APIResponse(responseCode = "200", description = "The site limit as changed",
            content = @Content(schema = @Schema(implementation = SmartViews.SiteLimitsView.class)))
    @APIResponse(responseCode = "400", description = "Missing or out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public SmartViews.SiteLimitsView set(@Valid SmartViews.SiteLimitBody body) {
        if (body == null) {
            throw ApiError.badRequest("Give maxCurrentA: {\"maxCurrentA\": 32}");
        }
        rules.setSiteLimit(body.maxCurrentA());
        audit.record(Callers.actor(security), null, "SetSiteLimit", body, Outcome.ACCEPTED, null, null);
        return get();
    }

    @DELETE
    @Path("limits")
    @Operation(summary = "Remove the site limit")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    public Response clear() {
        if (rules.clearSiteLimit()) {
            audit.record(Callers.actor(security), null, "ClearSiteLimit", null, Outcome.ACCEPTED, null, null);
        }
        return Response.noContent().build();
    }
}
