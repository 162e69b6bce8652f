package io.plughome.api.v1;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Every failure answers JSON {@link ApiError}; no stack trace ever reaches a caller. */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {
    }

    /** Errors JAX-RS raises itself (404 no such path, 405, 406, 415 ...) and our own. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(original.getMediaType())) {
                return original;
            }
            Response.StatusType status = original.getStatusInfo();
            return ApiError.response(status.getStatusCode(), status.getReasonPhrase().replace(" ", ""),
                    e.getMessage() == null ? status.getReasonPhrase() : e.getMessage());
        }
    }

    /** Bean Validation of request bodies and parameters. */
    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            String message = e.getConstraintViolations().stream()
                    .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
            return ApiError.response(Response.Status.BAD_REQUEST, "ValidationFailed", message);
        }

        private static String lastNode(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
    }

    /** A request body that is not JSON, or not the JSON the endpoint takes. */
    @Provider
    public static class Body implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return ApiError.response(Response.Status.BAD_REQUEST, "InvalidBody",
                    "The request body could not be read: " + why.replace("io.plughome.api.v1.", ""));
        }
    }

    /** Anything else: logged here, answered as a plain 500. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            LOG.log(Level.SEVERE, "Unexpected error in an API call", e);
            return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "InternalError",
                    "The server failed to answer; see its log");
        }
    }
}
