package io.plughome.api.v1;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * Every {@code /api/v1} call needs {@code Authorization: Bearer <token>}, or the dashboard's
 * sign-in cookie ({@link UiSessions}; a change made with the cookie also needs its CSRF token in
 * {@code X-CSRF-Token}, 403 without): 401 without either. Reading (GET, HEAD) needs the viewer role; every other method needs admin (403), and
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

    @Inject
    UiSessions uiSessions;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = path(request);
        if (path.equals("v1/signin") && HttpMethod.POST.equals(request.getMethod())) {
            jsonIfUntyped(request);
            return; // signing in is how a browser gets its cookie: the token is in the body
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        if (secret == null && isEventStream(request)) {
            // A browser's EventSource cannot send headers.
            secret = request.getUriInfo().getQueryParameters().getFirst("access_token");
        }
        ApiTokens.Caller caller = tokens.resolve(secret).orElse(null);
        if (caller == null && secret == null) {
            // The dashboard: a signed-in browser's cookie, and for a change the CSRF token it was given.
            Cookie cookie = request.getCookies().get(UiSessions.COOKIE);
            UiSessions.SignedIn signedIn = cookie == null ? null : uiSessions.resolve(cookie.getValue()).orElse(null);
            if (signedIn != null) {
                if (!READS.contains(request.getMethod())
                        && !UiSessions.csrfMatches(signedIn.csrf(), request.getHeaderString(UiSessions.CSRF_HEADER))) {
                    request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "CsrfTokenMissing",
                            "A change from a signed-in browser needs the " + UiSessions.CSRF_HEADER + " header it was"
                                    + " given at sign-in"));
                    return;
                }
                caller = signedIn.caller();
                request.setProperty(UiSessions.CSRF_HEADER, signedIn.csrf());
            }
        }
        if (caller == null) {
            request.abortWith(Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, "Unauthorized",
                    secret == null ? "Send 'Authorization: Bearer <token>'" : "Unknown token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"plughome\"").build());
            return;
        }
        if (caller.role() != Role.ADMIN && !READS.contains(request.getMethod()) && !path.equals("v1/signout")) {
            request.abortWith(forbidden(caller));
            return;
        }
        jsonIfUntyped(request);
        ApiTokens.Caller who = caller;
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return who::name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return who.role().wire().equals(role) || who.role() == Role.ADMIN;
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

    /** A write that names no content type is read as JSON, the API's only body type. */
    private static void jsonIfUntyped(ContainerRequestContext request) {
        if (!READS.contains(request.getMethod()) && request.getMediaType() == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static Response forbidden(ApiTokens.Caller caller) {
        return ApiError.response(Response.Status.FORBIDDEN, "Forbidden",
                "This needs an admin token; '" + caller.name() + "' is a " + caller.role().wire());
    }

    /** The event stream, {@code GET /api/v1/events} (a browser's EventSource cannot send headers). */
    private static boolean isEventStream(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) && path(request).equals("v1/events");
    }
}
