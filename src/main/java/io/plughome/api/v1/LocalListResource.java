package io.plughome.api.v1;

import io.plughome.authorization.AuthorizationConfig;
import io.plughome.authorization.IdTags;
import io.plughome.authorization.LocalListStates;
import io.plughome.authorization.LocalLists;
import io.plughome.charger.ChargerService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A charger's local authorization list: which version it holds, and an update on demand. */
@Path("v1/chargers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "idTags")
public class LocalListResource {

    @Inject
    ChargerService chargers;

    @Inject
    IdTags idTags;

    @Inject
    LocalListStates states;

    @Inject
    LocalLists lists;

    @Inject
    AuthorizationConfig config;

    @GET
    @Path("{id}/local-list")
    @Operation(summary = "What the charger holds of the local authorization list")
    @APIResponse(responseCode = "200", description = "The charger's list version and the last update's result",
            content = @Content(schema = @Schema(implementation = IdTagViews.LocalListView.class)))
    public IdTagViews.LocalListView get(@PathParam("id") String id) {
        known(id);
        return IdTagViews.LocalListView.of(id, config.wire(), idTags.currentVersion(), states.of(id).orElse(null));
    }

    @POST
    @Path("{id}/local-list")
    @Operation(summary = "Update the charger's local authorization list now", description = "Asks the charger's"
            + " version and sends what it lacks; {\"full\": true} sends the whole list. Answers once the charger"
            + " did (the result is in status). Only with PLUGHOME_AUTHORIZATION=list.")
    @APIResponse(responseCode = "200", description = "How the update ended",
            content = @Content(schema = @Schema(implementation = IdTagViews.LocalListView.class)))
    @APIResponse(responseCode = "409", description = "Not in list mode",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CompletionStage<IdTagViews.LocalListView> update(@PathParam("id") String id, IdTagViews.SyncBody body) {
        known(id);
        if (!config.listMode()) {
            throw ApiError.exception(Response.Status.CONFLICT, "NotListMode", "Chargers get a local authorization"
                    + " list only with PLUGHOME_AUTHORIZATION=list");
        }
        boolean full = body != null && Boolean.TRUE.equals(body.full());
        return lists.update(id, full).thenApply(state -> IdTagViews.LocalListView.of(id, config.wire(),
                idTags.currentVersion(), state));
    }

    private void known(String id) {
        if (chargers.byId(id).isEmpty()) {
            throw ApiError.noCharger(id);
        }
    }
}
