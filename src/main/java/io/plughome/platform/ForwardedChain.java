package io.plughome.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who the client of a request is, from the connection's peer and the forwarding headers, trusting
 * only the proxies the owner named. The peer's headers count only when the peer is a trusted
 * proxy; then the chain ({@code X-Forwarded-For} entries, or {@code Forwarded: for=} elements, left
 * to right, then the peer) is walked from the right, and the first address that is not a trusted
 * proxy is the client. An entry that is not an IP address ({@code unknown}, an obfuscated name,
 * garbage) ends the walk as the client itself: it is never local and never trusted.
 * <p>
 * A proxy that sets one of the two headers usually passes the other through from the client
 * untouched, so when both are present and name different clients the request is refused
 * ({@link Client#conflict()}) rather than believing either.
 */
public final class ForwardedChain {

    private ForwardedChain() {
    }

    /**
     * The client: {@code address} is its IP address in normal form, or the raw entry when it was
     * not an address ({@code ip} then empty); {@code conflict} when the two headers disagree.
     */
    public record Client(String address, Optional<InetAddress> ip, boolean conflict) {

        static Client of(InetAddress ip) {
            return new Client(ip.getHostAddress(), Optional.of(ip), false);
        }

        static Client raw(String token) {
            return new Client(token, Optional.empty(), false);
        }

        static final Client CONFLICT = new Client("conflicting-forwarded-headers", Optional.empty(), true);
    }

    /**
     * The client of a request from {@code peer} carrying these header values (every instance of
     * each header, in order; empty lists when absent).
     */
    public static Client client(String peer, List<String> xForwardedFor, List<String> forwarded,
            Predicate<InetAddress> trusted) {
        Optional<InetAddress> peerIp = parse(peer);
        if (peerIp.isEmpty()) {
            return Client.raw(peer == null ? "unknown" : peer);
        }
        if (!trusted.test(peerIp.get()) || (xForwardedFor.isEmpty() && forwarded.isEmpty())) {
            return Client.of(peerIp.get());
        }
        Client byXff = xForwardedFor.isEmpty() ? null : walk(xffEntries(xForwardedFor), peerIp.get(), trusted);
        Client byForwarded = forwarded.isEmpty() ? null : walk(forwardedEntries(forwarded), peerIp.get(), trusted);
        if (byXff != null && byForwarded != null && !byXff.address().equals(byForwarded.address())) {
            return Client.CONFLICT;
        }
        return byXff != null ? byXff : byForwarded;
    }

    private static Client walk(List<String> entries, InetAddress peer, Predicate<InetAddress> trusted) {
        Client client = Client.of(peer);
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> ip = parse(entries.get(i));
            if (ip.isEmpty()) {
                return Client.raw(entries.get(i).isEmpty() ? "unknown" : entries.get(i));
            }
            client = Client.of(ip.get());
            if (!trusted.test(ip.get())) {
                return client;
            }
        }
        return client; // every hop is a trusted proxy: the left-most one sent the request itself
    }

    static List<String> xffEntries(List<String> headers) {
        List<String> entries = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",", -1)) {
                entries.add(part.trim());
            }
        }
        return entries;
    }

    /** The {@code for=} value of each element of RFC 7239 {@code Forwarded} headers ("" when absent). */
    static List<String> forwardedEntries(List<String> headers) {
        List<String> entries = new ArrayList<>();
        for (String header : headers) {
            for (String element : splitOutsideQuotes(header, ',')) {
                String value = "";
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        value = unquote(pair.substring(eq + 1).trim());
                    }
                }
                entries.add(value);
            }
        }
        return entries;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * An IP address from an entry: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code ::1},
     * {@code [::1]}, {@code [::1]:5678}; never a host name (nothing is looked up).
     */
    public static Optional<InetAddress> parse(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String literal = entry.trim();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0 || (close + 1 < literal.length() && !literal.substring(close + 1).matches(":\\d{1,5}"))) {
                return Optional.empty();
            }
            literal = literal.substring(1, close);
            if (!literal.contains(":")) {
                return Optional.empty();
            }
        } else if (literal.matches("\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}")) {
            literal = literal.substring(0, literal.indexOf(':'));
        }
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9a-fA-F:.]+(%[0-9a-zA-Z._-]+)?");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        if (ipv4) {
            for (String octet : literal.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
