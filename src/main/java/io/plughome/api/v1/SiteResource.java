package io.plughome.api.v1;

import io.plughome.charger.Presence;
import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import io.plughome.smart.Effective;
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
        return new SmartViews.SiteLimitsView(site.siteLimitA(), shares);
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
