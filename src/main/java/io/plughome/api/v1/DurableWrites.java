package io.plughome.api.v1;

import io.plughome.platform.Durability;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A write the API answers with 2xx is durable before the answer leaves: the response of every
 * call that may change something (POST, PUT, PATCH, DELETE) waits for the group commit that
 * makes its transaction durable ({@link Durability}); if that fails, the caller gets 503
 * instead of a success it could not rely on.
 */
@Provider
@Priority(Priorities.USER)
public class DurableWrites implements ContainerResponseFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    Durability durability;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod()) || response.getStatusInfo().getFamily()
                != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        try {
            durability.awaitDurable();
        } catch (IllegalStateException e) {
            response.setStatus(Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
            response.setEntity(new ApiError("NotDurable",
                    "The change was made but could not be written to disk; check the server's disk and log",
                    Response.Status.SERVICE_UNAVAILABLE.getStatusCode()));
        }
    }
}
