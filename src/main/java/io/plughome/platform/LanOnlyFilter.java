package io.plughome.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first filter of every request the application serves (web.xml orders it first): works out
 * the client's address once ({@link ClientAddresses}: behind a proxy named in
 * {@code PLUGHOME_TRUSTED_PROXIES}, the client it reports) and, with
 * {@code PLUGHOME_LAN_ONLY=true}, refuses with 403 every request (API, OCPP upgrade, dashboard,
 * file links) from a client that is neither loopback nor private. Private: IPv4 10/8, 172.16/12,
 * 192.168/16, link-local 169.254/16; IPv6 unique-local fc00::/7 and link-local fe80::/10. A
 * request whose X-Forwarded-For and Forwarded headers name different clients is refused with 400.
 */
public class LanOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LanOnlyFilter.class.getName());

    @Inject
    @ConfigProperty(name = "plughome.lan.only", defaultValue = "false")
    boolean lanOnly;

    @Inject
    ClientAddresses clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ForwardedChain.Client client = clients.of(request);
        if (client.conflict()) {
            LOG.warning(() -> "Refused " + request.getMethod() + " from " + request.getRemoteAddr()
                    + ": its X-Forwarded-For and Forwarded headers name different clients");
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "ConflictingForwardedHeaders",
                    "X-Forwarded-For and Forwarded name different clients; a proxy should set one of them");
            return;
        }
        if (lanOnly && !isLocal(client.address())) {
            LOG.warning(() -> "Refused " + request.getMethod() + " " + request.getRequestURI() + " from "
                    + client.address() + ": PLUGHOME_LAN_ONLY is set");
            JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "This server only answers its local network (PLUGHOME_LAN_ONLY)");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether an address (an IP literal) is loopback or on a private network. */
    public static boolean isLocal(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9a-fA-F:.]+(%[0-9a-zA-Z._-]+)?");
        if (!ipv4 && !ipv6) {
            return false; // not an IP literal: never resolve names here
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return false;
        }
        if (ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress()) {
            return true;
        }
        if (ip instanceof Inet6Address) {
            byte first = ip.getAddress()[0];
            return (first & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
