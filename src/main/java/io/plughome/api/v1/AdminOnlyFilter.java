package io.plughome.api.v1;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Reading what is {@link AdminOnly} (API tokens, say) needs an admin token: 403 for a viewer. Runs
 * once the resource is known, after {@link AuthFilter} let the caller in.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!adminOnly() || request.getSecurityContext().isUserInRole(Role.ADMIN.wire())) {
            return;
        }
        var principal = request.getSecurityContext().getUserPrincipal();
        request.abortWith(ApiError.response(jakarta.ws.rs.core.Response.Status.FORBIDDEN, "Forbidden",
                "This needs an admin token; '" + (principal == null ? "?" : principal.getName()) + "' is a "
                        + Role.VIEWER.wire()));
    }

    private boolean adminOnly() {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(AdminOnly.class)
                        || resource.getResourceClass().isAnnotationPresent(AdminOnly.class));
    }
}
