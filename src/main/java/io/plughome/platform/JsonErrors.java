package io.plughome.platform;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The JSON error body ({@code {error, message, status}}, the API's shape) for servlets and
 * filters that answer before JAX-RS does. Built with JSON-P, never by concatenation, so nothing a
 * client sent can change the shape of the body.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static void write(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", error).add("message", message)
                .add("status", status).build().toString());
    }
}
