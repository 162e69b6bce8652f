package io.plughome.api.v1;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerService;
import io.plughome.charger.Presence;
import io.plughome.session.SessionService;
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

    @Inject
    ChargerService chargers;

    @Inject
    SessionService sessions;

    @Inject
    Presence presence;

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
        return chargers.byId(id).map(this::view).orElseThrow(() -> ApiError.notFound("No charger '" + id + "'"));
    }

    private ChargerView view(Charger c) {
        return ChargerView.of(c, presence.isOnline(c.id()), presence.lastHeard(c.id()).orElse(null),
                chargers.connectors(c.id()), sessions.activeOn(c.id()).map(SessionView::of).orElse(null),
                chargers.deviations(c.id()));
    }
}
