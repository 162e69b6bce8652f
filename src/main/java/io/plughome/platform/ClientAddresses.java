package io.plughome.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one address every check of a request judges (LAN-only, login throttling, connection
 * limits, logs): the connection's peer, or behind a proxy the owner trusts
 * ({@code PLUGHOME_TRUSTED_PROXIES}: addresses or CIDRs, comma-separated; default none) the
 * client that proxy reports ({@link ForwardedChain}). Worked out once per request and kept on it.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());
    private static final String ATTRIBUTE = ClientAddresses.class.getName();

    @Inject
    @ConfigProperty(name = "plughome.trusted.proxies", defaultValue = " ")
    String trustedProxies;

    private List<Cidr> trusted = List.of();

    /** An address block: an address and how many leading bits of it must match. */
    record Cidr(byte[] network, int bits) {

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((a[whole] ^ network[whole]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }

        /** {@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}; empty when not one. */
        static Optional<Cidr> parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            Optional<InetAddress> ip = ForwardedChain.parse(slash < 0 ? t : t.substring(0, slash));
            if (ip.isEmpty()) {
                return Optional.empty();
            }
            int max = ip.get().getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(t.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > max) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Cidr(ip.get().getAddress(), bits));
        }
    }

    @PostConstruct
    void init() {
        trusted = parseList(trustedProxies);
    }

    static List<Cidr> parseList(String setting) {
        List<Cidr> list = new ArrayList<>();
        if (setting == null) {
            return list;
        }
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            Optional<Cidr> cidr = Cidr.parse(entry);
            if (cidr.isEmpty()) {
                LOG.severe(() -> "PLUGHOME_TRUSTED_PROXIES: '" + entry.trim() + "' is not an IP address or CIDR"
                        + " (such as 192.168.1.2 or 10.0.0.0/8); it is ignored, so that proxy is not trusted");
            } else {
                list.add(cidr.get());
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Whether {@code address} is a proxy the owner trusts to report its clients. */
    public boolean isTrustedProxy(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** The client of this request (worked out once, then kept on the request). */
    public ForwardedChain.Client of(HttpServletRequest request) {
        Object kept = request.getAttribute(ATTRIBUTE);
        if (kept instanceof ForwardedChain.Client client) {
            return client;
        }
        ForwardedChain.Client client = ForwardedChain.client(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")),
                Collections.list(request.getHeaders("Forwarded")), this::isTrustedProxy);
        request.setAttribute(ATTRIBUTE, client);
        return client;
    }

    /**
     * The key a throttle counts an address under: the address itself, or for IPv6 its /64 network
     * (one home or one attacker holds a whole /64 and can pick any address in it).
     */
    public static String throttleKey(ForwardedChain.Client client) {
        if (client.ip().isPresent() && client.ip().get() instanceof Inet6Address v6) {
            byte[] a = v6.getAddress();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString((a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF))).append(':');
            }
            return key.append(":/64").toString();
        }
        return client.address();
    }
}
