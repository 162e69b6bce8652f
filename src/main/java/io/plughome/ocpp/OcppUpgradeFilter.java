package io.plughome.ocpp;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerLogins;
import io.plughome.platform.JsonErrors;
import io.plughome.files.ChargerAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Checks a WebSocket upgrade before it happens, where an HTTP status can still be answered:
 * a client that offers only OCPP versions this server does not speak gets 400 and no socket;
 * a charger that has a shared secret and does not present it (HTTP Basic, user name = charger
 * id: OCPP security profiles 1 and 2) gets 401. (JSR-356 cannot refuse an upgrade from its
 * configurator; Liberty would answer 101 without a sub-protocol.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OcppUpgradeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OcppUpgradeFilter.class.getName());

    @Inject
    ProtocolAdapters adapters;

    @Inject
    ChargerLogins logins;

    @Inject
    ConnectionRegistry registry;

    @Inject
    OcppConfig config;

    @Inject
    ChargerAddresses addresses;

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
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "UnsupportedSubprotocol",
                    "This server speaks " + String.join(", ", adapters.supported()) + "; offered: "
                            + String.join(", ", offered));
            return;
        }
        String chargerId = chargerId(request);
        if (chargerId != null
                && (chargerId.length() > Charger.ID_MAX || chargerId.chars().anyMatch(c -> c < 0x20))) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidChargePointId",
                    "A charge point id has 1 to " + Charger.ID_MAX + " characters and no control characters");
            return;
        }
        String address = request.getRemoteAddr();
        if (chargerId != null && !registry.reserve(address, chargerId)) {
            LOG.warning(() -> "Charger " + chargerId + " from " + address + " refused: "
                    + config.maxConnectionsPerAddress() + " connections from that address already"
                    + " (PLUGHOME_MAX_CONNECTIONS_PER_ADDRESS)");
            JsonErrors.write(response, 429, "TooManyConnections", "This address has "
                    + config.maxConnectionsPerAddress() + " charger connections open already");
            return;
        }
        ChargerLogins.Result login = chargerId == null ? null
                : logins.login(chargerId, address, password(request, chargerId));
        if (login != null && login.outcome() != ChargerLogins.Outcome.ADMITTED) {
            registry.cancelReservation(chargerId);
        }
        if (login != null && login.outcome() == ChargerLogins.Outcome.THROTTLED) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, login.retryAfter().toSeconds())));
            JsonErrors.write(response, 429, "TooManyAttempts", "Too many wrong passwords; try again later");
            return;
        }
        if (login != null && login.outcome() == ChargerLogins.Outcome.REFUSED) {
            LOG.warning(() -> "Charger " + chargerId + " from " + address
                    + " refused: missing or wrong shared secret");
            response.setHeader("WWW-Authenticate", "Basic realm=\"PlugHome OCPP\", charset=\"UTF-8\"");
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "This charger needs its"
                    + " shared secret as HTTP Basic credentials, with the charge point id as user name");
            return;
        }
        if (chargerId != null) {
            addresses.connectedAt(chargerId, baseUrl(request));
        }
        chain.doFilter(request, response);
    }

    /** The address the charger reached us at: http(s), its Host header, the context path. */
    static String baseUrl(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host.trim() + request.getContextPath();
    }

    /** The charge point id of an OCPP path ({@code /ocpp/{id}} or {@code /{id}}), or null. */
    static String chargerId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/ocpp/")) {
            path = path.substring("/ocpp".length());
        }
        if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
            return null;
        }
        return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }

    /** The Basic password bytes, if the user name is the charger's id; null otherwise. */
    static byte[] password(HttpServletRequest request, String chargerId) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = 0;
        while (colon < decoded.length && decoded[colon] != ':') {
            colon++;
        }
        if (colon == decoded.length
                || !new String(decoded, 0, colon, StandardCharsets.UTF_8).equals(chargerId)) {
            return null;
        }
        return Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    }
}
