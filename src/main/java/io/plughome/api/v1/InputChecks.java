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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks of what a client sends, before anything is read into a request object:
 * <ul>
 * <li>NUL characters in a path, a query or a JSON body are refused with 400: no database column
 * can store them (PostgreSQL refuses them outright), so they would otherwise surface as a
 * database error and a 500;</li>
 * <li>a JSON body nested deeper than {@value #MAX_DEPTH} levels is refused with 400 (the JSON
 * binding would recurse until the stack ran out: a 500), and one larger than
 * {@value #MAX_JSON_BYTES} bytes with 413 (no request of this API comes near it).</li>
 * </ul>
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class InputChecks implements ContainerRequestFilter, ReaderInterceptor {

    static final int MAX_DEPTH = 64;
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

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
        if (!isJson(context.getMediaType()) || InputStream.class.isAssignableFrom(context.getType())) {
            // a file upload (read as a stream by its resource) is not JSON, whatever type it claims
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
        if (body.length > MAX_JSON_BYTES) {
            throw new WebApplicationException(ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "TooLarge",
                    "A JSON body may have at most " + MAX_JSON_BYTES / (1024 * 1024) + " MiB"));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0 || text.toLowerCase(Locale.ROOT).contains("\\u0000")) {
            throw new WebApplicationException(refusal());
        }
        if (depth(text) > MAX_DEPTH) {
            throw new WebApplicationException(ApiError.response(Response.Status.BAD_REQUEST, "TooDeep",
                    "JSON nested deeper than " + MAX_DEPTH + " levels is not accepted"));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** A JSON body by its declared type (a file upload of no or any other type is not read here). */
    static boolean isJson(MediaType type) {
        return type != null && !type.isWildcardType() && !type.isWildcardSubtype() && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** The deepest nesting of objects and arrays in a JSON text (brackets inside strings do not count). */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    private static Response refusal() {
        return ApiError.response(Response.Status.BAD_REQUEST, "InvalidCharacter",
                "NUL characters (\\u0000) are not allowed in a request");
    }
}
