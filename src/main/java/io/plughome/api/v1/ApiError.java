package io.plughome.api.v1;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error answer: a short machine-readable code and a sentence for people. */
@Schema(name = "Error", description = "Error answer of every failed call")
public record ApiError(
        @Schema(description = "Machine-readable error code", example = "NotFound") String error,
        @Schema(description = "What went wrong, for people") String message,
        @Schema(description = "The HTTP status") int status) {

    public static Response response(Response.Status status, String error, String message) {
        return response(status.getStatusCode(), error, message);
    }

    public static Response response(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, message, status)).build();
    }

    public static WebApplicationException exception(Response.Status status, String error, String message) {
        return exception(status.getStatusCode(), error, message);
    }

    public static WebApplicationException exception(int status, String error, String message) {
        return new WebApplicationException(message, response(status, error, message));
    }

    public static WebApplicationException notFound(String message) {
        return exception(Response.Status.NOT_FOUND, "NotFound", message);
    }

    /** 404: no charger with this id. */
    public static WebApplicationException noCharger(String id) {
        return notFound("No charger '" + id + "'");
    }

    public static WebApplicationException badRequest(String message) {
        return exception(Response.Status.BAD_REQUEST, "BadRequest", message);
    }
}
