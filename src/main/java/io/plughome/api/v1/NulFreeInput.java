package io.plughome.api.v1;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * NUL characters in a path, a query or a JSON body are refused with 400: no database column can
 * store them (PostgreSQL refuses them outright), so they would otherwise surface as a database
 * error and a 500. Checked before anything is read into a request object.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class NulFreeInput implements ContainerRequestFilter, ReaderInterceptor {

    @Override
    public void filter(ContainerRequestContext request) {
        String uri = request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery();
        if (uri.toLowerCase(Locale.ROOT).contains("%00")) {
            request.abortWith(refusal());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0 || text.toLowerCase(Locale.ROOT).contains("\\u0000")) {
            throw new WebApplicationException(refusal());
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static Response refusal() {
        return ApiError.response(Response.Status.BAD_REQUEST, "InvalidCharacter",
                "NUL characters (\\u0000) are not allowed in a request");
    }
}
