package io.plughome.api.v1;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's sign-in and sign-out ({@link UiSessions}): the token is given once and the
 * browser keeps an HttpOnly, SameSite=Strict cookie (Secure over TLS); the answer carries the
 * CSRF token the dashboard sends back in {@code X-CSRF-Token} with every change.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class SignInResource {

    @Schema(name = "SignedIn")
    public record SignedInView(@Schema(description = "The token's name") String name,
            @Schema(description = "admin or viewer") String role,
            @Schema(description = "Send back in X-CSRF-Token with every change made with the cookie") String csrf) {
    }

    @Inject
    UiSessions sessions;

    @Context
    SecurityContext security;

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a browser in", description = "{\"token\": \"...\"}: an admin or viewer token. The"
            + " answer sets the cookie plughome_session (HttpOnly, SameSite=Strict, Secure over TLS, 30 days from"
            + " its last use) and gives the CSRF token. For the dashboard; API clients send Authorization: Bearer.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation
            = SignedInView.class)))
    @APIResponse(responseCode = "401", description = "Unknown token", content = @Content(schema = @Schema(
            implementation = ApiError.class)))
    public Response signIn(JsonObject body, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        String token = body != null && body.get("token") instanceof JsonString s ? s.getString().trim() : null;
        if (token == null || token.isEmpty()) {
            throw ApiError.badRequest("Give the token: {\"token\": \"...\"}");
        }
        var started = sessions.signIn(token, userAgent).orElse(null);
        if (started == null) {
            return ApiError.response(Response.Status.UNAUTHORIZED, "Unauthorized", "Unknown token");
        }
        var who = started.signedIn();
        return Response.ok(new SignedInView(who.caller().name(), who.caller().role().wire(), who.csrf()))
                .header(HttpHeaders.SET_COOKIE, cookie(started.cookie(), UiSessions.IDLE.toSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("signout")
    @Operation(summary = "Sign this browser out", description = "Ends the sign-in of the cookie sent (with its"
            + " X-CSRF-Token) and clears the cookie.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut(@CookieParam(UiSessions.COOKIE) String cookie) {
        sessions.signOut(cookie);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private String cookie(String value, long maxAge) {
        return UiSessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (security.isSecure() ? "; Secure" : "");
    }
}
