package io.plughome.api.v1;

import io.plughome.control.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/me}: whose token this is and its role, so a dashboard shows what the caller may do. */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class MeResource {

    @Schema(name = "Me")
    public record MeView(@Schema(description = "The token's name") String name,
            @Schema(description = "admin or viewer") String role,
            @Schema(description = "For a browser signed in with the cookie: the CSRF token its changes send in"
                    + " X-CSRF-Token; null with a Bearer token") String csrf) {
    }

    @Context
    SecurityContext security;

    @Context
    jakarta.servlet.http.HttpServletRequest http;

    @GET
    @Operation(summary = "The caller", description = "The name and role of the token that made this call (any role).")
    @APIResponse(responseCode = "200", description = "The token's name and role")
    public MeView me() {
        Actor actor = Callers.actor(security);
        Object csrf = http.getAttribute(UiSessions.CSRF_HEADER);
        return new MeView(actor.name(), actor.role(), csrf instanceof String s ? s : null);
    }
}
