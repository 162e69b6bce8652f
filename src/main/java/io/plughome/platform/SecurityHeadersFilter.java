package io.plughome.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response the application sends, whichever way the page is reached
 * ({@code /}, {@code /ui/index.html}, a file link, an API error): no framing by other sites, no
 * content sniffing, no referrer leaving the box, and a Content Security Policy. The dashboard
 * ({@code /} and {@code /ui/...}) may load only its own scripts and styles and talk only to this
 * server; everything else may load nothing at all (an API answer opened in a browser runs nothing).
 * Liberty's own applications ({@code /health}, {@code /metrics}, {@code /openapi}) are not this
 * application's and do not pass here.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The dashboard's pages: its own scripts, styles and images, connections only to this server. */
    public static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'; object-src 'none'";

    /** Everything else: nothing may be loaded, run or framed. */
    public static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean dashboard = path.isEmpty() || path.equals("/") || path.startsWith("/ui/") || path.equals("/ui");
        response.setHeader("Content-Security-Policy", dashboard ? DASHBOARD_POLICY : NOTHING_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
