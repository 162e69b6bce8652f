package io.plughome.api.v1;

import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API tokens: admin only, even to read. A token's secret is shown once, when it is made. */
@Path("v1/tokens")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "API tokens and their roles (admin only)")
public class TokensResource {

    /** A stored token; never its secret. */
    @Schema(name = "Token")
    public record TokenView(@Schema(description = "null for the bootstrap tokens from configuration") Long id,
            String name, @Schema(description = "admin or viewer") String role, Instant createdAt,
            @Schema(description = "database, or configuration (PLUGHOME_ADMIN_TOKEN / PLUGHOME_VIEWER_TOKEN)")
            String source) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.role().wire(), t.createdAt(), "database");
        }
    }

    /** A token just made, with its secret. */
    @Schema(name = "CreatedToken")
    public record CreatedView(Long id, String name, String role, Instant createdAt,
            @Schema(description = "The secret: shown only in this answer") String token) {
    }

    @Schema(name = "NewToken")
    public record NewToken(@NotBlank @Size(max = 100) String name,
            @NotNull @Schema(enumeration = {"admin", "viewer"}) String role) {
    }

    @Inject
    ApiTokens tokens;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "All tokens", description = "Stored tokens, then the bootstrap tokens from configuration.")
    public Page<TokenView> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        java.util.List<TokenView> items = new java.util.ArrayList<>(tokens.list(offset, limit).stream()
                .map(TokenView::of).toList());
        long stored = tokens.count();
        java.util.List<ApiTokens.Caller> configured = tokens.configuredTokens();
        for (int i = 0; i < configured.size(); i++) {
            if (stored + i >= offset && items.size() < limit) {
                ApiTokens.Caller c = configured.get(i);
                items.add(new TokenView(null, c.name(), c.role().wire(), null, "configuration"));
            }
        }
        return new Page<>(items, stored + configured.size());
    }

    @POST
    @Operation(summary = "Make a token", description = "Answers the secret once; only its hash is kept.")
    @APIResponse(responseCode = "201", description = "The token and its secret",
            content = @Content(schema = @Schema(implementation = CreatedView.class)))
    @APIResponse(responseCode = "409", description = "A token of that name exists",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(@Valid @NotNull NewToken body, @Context UriInfo uri) {
        Role role;
        try {
            role = Role.valueOf(body.role().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("role must be admin or viewer, not '" + body.role() + "'");
        }
        ApiTokens.Created created;
        try {
            created = tokens.create(body.name().trim(), role);
        } catch (IllegalArgumentException e) {
            throw ApiError.exception(Response.Status.CONFLICT, "Conflict", e.getMessage());
        }
        ApiToken t = created.token();
        audit.record(Callers.actor(security), null, "CreateToken", Map.of("name", t.name(), "role", role.wire()),
                Outcome.ACCEPTED, "token " + t.id(), null);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(t.id())).build())
                .entity(new CreatedView(t.id(), t.name(), role.wire(), t.createdAt(), created.secret())).build();
    }

    @DELETE
    @Path("{tokenId}")
    @Operation(summary = "Delete a token", description = "Calls with it fail from now on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The last admin token, with none configured",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(@PathParam("tokenId") long tokenId) {
        ApiToken deleted;
        try {
            deleted = tokens.delete(tokenId).orElseThrow(() -> ApiError.notFound("No token " + tokenId));
        } catch (IllegalStateException e) {
            throw ApiError.exception(Response.Status.CONFLICT, "LastAdminToken", e.getMessage());
        }
        audit.record(Callers.actor(security), null, "DeleteToken", Map.of("id", tokenId, "name", deleted.name()),
                Outcome.ACCEPTED, null, null);
        return Response.noContent().build();
    }
}
