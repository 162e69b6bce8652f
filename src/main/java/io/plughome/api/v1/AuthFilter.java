package io.plughome.api.v1;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * Every {@code /api/v1} call needs {@code Authorization: Bearer <token>}: 401 without a valid
 * one. Reading (GET, HEAD) needs the viewer role; every other method, and reading what is
 * {@link AdminOnly}, needs admin (403).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ApiTokens tokens;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        if (secret == null && isEventStream()) {
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
        if (caller.role() != Role.ADMIN && (!READS.contains(request.getMethod()) || adminOnly())) {
            request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "Forbidden",
                    "This needs an admin token; '" + caller.name() + "' is a " + caller.role().wire()));
            return;
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

    private boolean isEventStream() {
        return resource != null && resource.getResourceClass() == EventsResource.class;
    }

    private boolean adminOnly() {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(AdminOnly.class)
                        || resource.getResourceClass().isAnnotationPresent(AdminOnly.class));
    }
}
