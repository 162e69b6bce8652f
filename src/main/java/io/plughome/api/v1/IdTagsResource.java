package io.plughome.api.v1;

import io.plughome.authorization.AuthorizationConfig;
import io.plughome.authorization.IdTag;
import io.plughome.authorization.IdTagStatus;
import io.plughome.authorization.IdTags;
import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The owner's idTags. With {@code PLUGHOME_AUTHORIZATION=list} chargers are answered from them
 * and keep them as their local authorization list; changes are audited.
 */
@Path("v1/id-tags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "idTags", description = "Who may charge: RFID cards and app tokens")
public class IdTagsResource {

    @Inject
    IdTags idTags;

    @Inject
    AuthorizationConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The owner's idTags", description = "Sorted by idTag; with the authorization mode and the"
            + " version of the local authorization list.")
    public IdTagViews.Listing list(
            @Parameter(description = "Page size (1-1000)") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        Instant now = clock.instant();
        return new IdTagViews.Listing(idTags.all(offset, limit).stream().map(t -> IdTagViews.View.of(t, now)).toList(),
                idTags.count(), config.wire(), idTags.currentVersion());
    }

    @GET
    @Path("{idTag}")
    @Operation(summary = "One idTag (compared case-insensitively)")
    @APIResponse(responseCode = "200", description = "The idTag",
            content = @Content(schema = @Schema(implementation = IdTagViews.View.class)))
    @APIResponse(responseCode = "404", description = "No such idTag",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public IdTagViews.View get(@PathParam("idTag") String idTag) {
        return idTags.find(idTag).map(t -> IdTagViews.View.of(t, clock.instant()))
                .orElseThrow(() -> ApiError.notFound("No idTag '" + idTag + "'"));
    }

    @PUT
    @Path("{idTag}")
    @Operation(summary = "Add or replace an idTag", description = "{\"name\": \"Anna's card\", \"status\": \"Accepted\","
            + " \"expiryDate\": \"2027-12-31T23:00:00Z\", \"parentIdTag\": \"FAMILY\", \"type\": \"ISO14443\"}; status"
            + " defaults to Accepted; type is the idToken type 2.0.1 chargers get (default ISO14443)."
            + " The idTag keeps the spelling of its latest PUT; OCPP compares idTags case-insensitively.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = IdTagViews.View.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = IdTagViews.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid idTag or body",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response put(@PathParam("idTag") String idTag, @Valid IdTagViews.Body body) {
        checkIdTag("idTag", idTag);
        IdTagViews.Body b = body == null ? new IdTagViews.Body(null, null, null, null, null) : body;
        if (b.parentIdTag() != null && IdTag.key(b.parentIdTag()).equals(IdTag.key(idTag))) {
            throw ApiError.badRequest("An idTag cannot be its own parentIdTag");
        }
        IdTags.Saved saved = idTags.put(idTag, new IdTags.Changes(Params.blankToNull(b.name()),
                b.status() == null ? IdTagStatus.Accepted : b.status(), b.expiryDate(), b.parentIdTag(), b.type()));
        audit.record(Callers.actor(security), null, "PutIdTag", Map.of("idTag", idTag, "status",
                saved.tag().status().name()), Outcome.ACCEPTED, null, null);
        IdTagViews.View view = IdTagViews.View.of(saved.tag(), clock.instant());
        return saved.created()
                ? Response.created(uri.getAbsolutePathBuilder().build()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("{idTag}")
    @Operation(summary = "Remove an idTag", description = "In list mode it is Invalid from now on, and removed from"
            + " chargers' local lists.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such idTag",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(@PathParam("idTag") String idTag) {
        if (!idTags.remove(idTag)) {
            throw ApiError.notFound("No idTag '" + idTag + "'");
        }
        audit.record(Callers.actor(security), null, "DeleteIdTag", Map.of("idTag", idTag), Outcome.ACCEPTED, null,
                null);
        return Response.noContent().build();
    }

    /**
     * An idTag is 1 to 36 characters (a 2.0.1 idToken; 1.6 chargers take up to 20, and a longer one
     * is left out of their local list), printable ASCII, as cards and apps send them.
     */
    static void checkIdTag(String what, String idTag) {
        if (idTag.isEmpty() || idTag.length() > IdTag.MAX_LENGTH || idTag.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiError.badRequest(what + " must be 1 to " + IdTag.MAX_LENGTH
                    + " printable ASCII characters without spaces, not '" + idTag + "'");
        }
    }
}
