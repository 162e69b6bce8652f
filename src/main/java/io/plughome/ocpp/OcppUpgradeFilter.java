package io.plughome.ocpp;

import io.plughome.charger.ChargerLogins;
import io.plughome.files.ChargerAddresses;
import io.plughome.platform.ClientAddresses;
import io.plughome.platform.ForwardedChain;
import io.plughome.platform.JsonErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every WebSocket upgrade the application takes passes here, and only here is it upgraded. In
 * order, before any socket exists (where an HTTP status can still be answered):
 * <ol>
 * <li>the path must be one of the two documented forms, exactly ({@link OcppPath}); anything
 * else is 400, and so is an id the charger-id rule refuses;</li>
 * <li>a client that offers only OCPP versions this server does not speak gets 400;</li>
 * <li>while many chargers are arriving at once, or stored reports are behind, a new connection
 * gets 503 with Retry-After ({@link Admission}), before its credentials cost anything;</li>
 * <li>the client's address (after trusted proxies, {@code ClientAddresses}) may have only so many
 * charger connections open (429), except for a charger that logs in with its shared secret (many
 * chargers of a car park share one NAT address);</li>
 * <li>a charger that has a shared secret must present it as HTTP Basic credentials with its id
 * as user name (OCPP security profiles 1 and 2): 401, or 429 while its address is throttled;</li>
 * <li>then the request is upgraded here, with that id handed to the endpoint as its path
 * parameter: the id the credentials were checked for is the id the connection serves.</li>
 * </ol>
 * The container itself maps no OCPP path ({@link OcppEndpoints}), so no upgrade can reach the
 * endpoint around these checks.
 */
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

    @Inject
    ClientAddresses clients;

    @Inject
    Admission admission;

    private transient volatile ServerEndpointConfig endpoint;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isUpgrade(request)) {
            chain.doFilter(request, response);
            return;
        }
        OcppPath.Parsed path = OcppPath.parse(request.getRequestURI(), request.getContextPath());
        if (!path.ok()) {
            LOG.warning(() -> "Refused WebSocket upgrade of " + printable(request.getRequestURI()) + " from "
                    + clients.of(request).address() + ": " + path.reason());
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, path.error(), path.reason());
            return;
        }
        String chargerId = path.chargerId();
        List<String> offered = Collections.list(request.getHeaders("Sec-WebSocket-Protocol")).stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (adapters.negotiate(offered) == null) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "UnsupportedSubprotocol",
                    "This server speaks " + String.join(", ", adapters.supported()) + "; offered: "
                            + String.join(", ", offered));
            return;
        }
        int retryAfter = admission.retryAfter(chargerId);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Integer.toString(retryAfter));
            JsonErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ServerBusy", "Many chargers are"
                    + " connecting at once; connect again in " + retryAfter + " s");
            return;
        }
        boolean upgraded = false;
        try {
            upgraded = checkAndUpgrade(request, response, chargerId);
        } finally {
            if (!upgraded) {
                admission.arrived(chargerId); // refused after all: its place is free again
            }
        }
    }

    /** The address limit, the login and the upgrade; true when the connection was upgraded. */
    private boolean checkAndUpgrade(HttpServletRequest request, HttpServletResponse response, String chargerId)
            throws IOException {
        ForwardedChain.Client client = clients.of(request);
        String address = ClientAddresses.throttleKey(client);
        // Counted against the address's limit unless the charger logs in with its shared secret:
        // over the limit, only a charger that presents credentials is looked at further.
        boolean counted = registry.reserve(address, chargerId);
        byte[] password = password(request, chargerId);
        if (!counted && password == null) {
            tooManyConnections(response, chargerId, client);
            return false;
        }
        ChargerLogins.Result login = logins.login(chargerId, address, password);
        if (login.outcome() != ChargerLogins.Outcome.ADMITTED && counted) {
            registry.cancelReservation(chargerId);
        }
        if (login.outcome() == ChargerLogins.Outcome.THROTTLED) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, login.retryAfter().toSeconds())));
            JsonErrors.write(response, 429, "TooManyAttempts", "Too many wrong passwords from this address; try"
                    + " again later");
            return false;
        }
        if (login.outcome() == ChargerLogins.Outcome.REFUSED) {
            LOG.warning(() -> "Charger " + chargerId + " from " + client.address()
                    + " refused: missing or wrong shared secret");
            response.setHeader("WWW-Authenticate", "Basic realm=\"PlugHome OCPP\", charset=\"UTF-8\"");
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "This charger needs its"
                    + " shared secret as HTTP Basic credentials, with the charge point id as user name");
            return false;
        }
        if (!counted) {
            if (!login.authenticated()) { // credentials for a charger that has no secret vouch for nothing
                tooManyConnections(response, chargerId, client);
                return false;
            }
            registry.reserveAuthenticated(address, chargerId);
        }
        addresses.connectedAt(chargerId, baseUrl(request));
        ServerContainer container = (ServerContainer) request.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        try {
            container.upgradeHttpToWebSocket(new WithoutSession(request), response, endpoint(),
                    Map.of(OcppEndpoint.PATH_PARAM, chargerId));
            // Should the container still have opened an HTTP session, it goes: a charger has no use for one.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return true;
        } catch (DeploymentException | IOException | RuntimeException e) {
            registry.cancelReservation(chargerId);
            LOG.log(Level.WARNING, "WebSocket upgrade of charger " + chargerId + " failed", e);
            if (!response.isCommitted()) {
                JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "UpgradeFailed",
                        "The WebSocket upgrade failed: " + e.getMessage());
            }
            return false;
        }
    }

    /**
     * The upgrade's request, without HTTP sessions. Liberty's handshake asks for one (for
     * {@code HandshakeRequest.getHttpSession}) and would create it: an id drawn from a SecureRandom
     * under a lock every upgrade shares, a session kept for 30 minutes, and its end announced to
     * the listeners when it is dropped. With 10,000 chargers connecting, upgrades queued on that
     * lock (docs/performance.md). A charger has no use for an HTTP session.
     */
    static final class WithoutSession extends HttpServletRequestWrapper {

        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return null;
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }
    }

    private ServerEndpointConfig endpoint() {
        ServerEndpointConfig config = endpoint;
        if (config == null) {
            config = OcppEndpoints.config();
            endpoint = config;
        }
        return config;
    }

    /** A WebSocket upgrade: GET with {@code Upgrade: websocket} (any case, any other tokens beside it). */
    private void tooManyConnections(HttpServletResponse response, String chargerId, ForwardedChain.Client client)
            throws IOException {
        LOG.warning(() -> "Charger " + chargerId + " from " + client.address() + " refused: "
                + config.maxConnectionsPerAddress() + " connections without credentials from that address already"
                + " (PLUGHOME_MAX_CONNECTIONS_PER_ADDRESS)");
        JsonErrors.write(response, 429, "TooManyConnections", "This address has "
                + config.maxConnectionsPerAddress() + " charger connections open already; a charger that logs in"
                + " with its shared secret is not limited");
    }

    static boolean isUpgrade(HttpServletRequest request) {
        return Collections.list(request.getHeaders("Upgrade")).stream().flatMap(h -> Arrays.stream(h.split(",")))
                .anyMatch(token -> token.trim().equalsIgnoreCase("websocket"));
    }

    /** A path as it may go into a log line: control characters shown as escapes, at most 300 long. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The address the charger reached us at: http(s), its Host header, the context path. */
    static String baseUrl(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host.trim() + request.getContextPath();
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
