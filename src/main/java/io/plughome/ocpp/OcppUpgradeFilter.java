package io.plughome.ocpp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Checks a WebSocket upgrade before it happens, where an HTTP status can still be answered:
 * a client that offers only OCPP versions this server does not speak gets 400 and no socket.
 * (JSR-356 cannot refuse an upgrade from its configurator; Liberty would answer 101 without a
 * sub-protocol.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OcppUpgradeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ProtocolAdapters adapters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        List<String> offered = Collections.list(request.getHeaders("Sec-WebSocket-Protocol")).stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (adapters.negotiate(offered) == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"UnsupportedSubprotocol\",\"message\":\"This server speaks "
                    + String.join(", ", adapters.supported()) + "; offered: " + String.join(", ", offered) + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
