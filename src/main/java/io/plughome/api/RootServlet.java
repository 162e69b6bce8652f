package io.plughome.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /}: a browser (one that asks for {@code text/html} before JSON) gets the owner's
 * dashboard; every other client, health checks among them, gets the JSON root document, 200.
 */
@WebServlet(urlPatterns = "")
public class RootServlet extends HttpServlet {

    private static final String BODY = "{\"name\":\"PlugHome\",\"status\":\"UP\","
            + "\"api\":\"/api/v1\",\"openapi\":\"/openapi\",\"health\":\"/health\",\"dashboard\":\"/\","
            + "\"ocpp\":\"ws://<this host>/ocpp/{chargePointId}\"}";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        if (wantsHtml(req.getHeader("Accept"))) {
            // The security headers (the dashboard's CSP among them) come from SecurityHeadersFilter.
            resp.setHeader("Cache-Control", "no-cache");
            // Written, not forwarded: a forward of a request that asked for an h2c upgrade hangs on Liberty.
            resp.setContentType("text/html");
            resp.setCharacterEncoding("UTF-8");
            try (java.io.InputStream page = getServletContext().getResourceAsStream("/ui/index.html")) {
                if (page == null) {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                page.transferTo(resp.getOutputStream());
            }
            return;
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(BODY);
    }

    /**
     * Whether an Accept header names {@code text/html} (or XHTML) with a quality at least that of
     * {@code application/json}; {@code *}/{@code *} alone, or no header, is an API client.
     */
    static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String type = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html >= json;
    }
}
