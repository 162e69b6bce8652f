package io.plughome.api.v1;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * Every {@code /api/v1} call needs {@code Authorization: Bearer <token>}: 401 without a valid
 * one. Reading (GET, HEAD) needs the viewer role; every other method needs admin (403), and
 * reading what is {@link AdminOnly} too ({@link AdminOnlyFilter}, once the resource is known).
 *
 * <p>This runs before the request is matched to a resource, so a caller who may not write hears
 * 403 whatever the body or its type, not a 415 or 400 about a request it may not make at all. A
 * write that names no content type is read as JSON, the API's only body type: so
 * {@code curl -X POST .../remote-stop}, with no body, means "the defaults" instead of a 415.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ApiTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        if (secret == null && isEventStream(request)) {
            // A browser's EventSource cannot send headers.
            secret = request.getUriInfo().getQueryParameters().getFirst("access_token");
        }
        ApiTokens.Caller caller = tokens.resolve(secret).orElse(null);
        if (caller == null) {
            request.abortWith(Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, "Unauthorized",
                    secret == null ? "Send 'Authorization: Bearer <token>'" : "Unknown token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"plughome\"").build());
            return;
        }
        if (caller.role() != Role.ADMIN && !READS.contains(request.getMethod())) {
            request.abortWith(forbidden(caller));
            return;
        }
        if (!READS.contains(request.getMethod()) && request.getMediaType() == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller::name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().wire().equals(role) || caller.role() == Role.ADMIN;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    static Response forbidden(ApiTokens.Caller caller) {
        return ApiError.response(Response.Status.FORBIDDEN, "Forbidden",
                "This needs an admin token; '" + caller.name() + "' is a " + caller.role().wire());
    }

    /** The event stream, {@code GET /api/v1/events} (a browser's EventSource cannot send headers). */
    private static boolean isEventStream(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return HttpMethod.GET.equals(request.getMethod())
                && (path.equals("v1/events") || path.equals("/v1/events") || path.equals("v1/events/"));
    }
}
