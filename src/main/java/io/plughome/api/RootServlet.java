package io.plughome.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /}: answers 200 so that a plain HTTP health check (the seed's) works, and tells a
 * person who opens the server in a browser where to go next.
 */
@WebServlet(urlPatterns = "")
public class RootServlet extends HttpServlet {

    private static final String BODY = "{\"name\":\"PlugHome\",\"status\":\"UP\","
            + "\"api\":\"/api/v1\",\"openapi\":\"/openapi\",\"health\":\"/health\","
            + "\"ocpp\":\"ws://<this host>/ocpp/{chargePointId}\"}";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(BODY);
    }
}
