package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Whose address a request is judged by, behind trusted proxies and around the others. */
class ForwardedChainTest {

    private static final Predicate<InetAddress> NONE = a -> false;
    private static final List<ClientAddresses.Cidr> PROXIES = ClientAddresses.parseList("127.0.0.1, 10.0.0.0/24, ::1");
    private static final Predicate<InetAddress> TRUSTED = a -> PROXIES.stream().anyMatch(c -> c.contains(a));

    private static String client(String peer, List<String> xff, List<String> forwarded, Predicate<InetAddress> t) {
        ForwardedChain.Client c = ForwardedChain.client(peer, xff, forwarded, t);
        return c.conflict() ? "CONFLICT" : c.address();
    }

    @Test
    void withNoTrustedProxyTheHeadersAreIgnored() {
        assertEquals("192.168.1.50", client("192.168.1.50", List.of("8.8.8.8"), List.of(), NONE),
                "a LAN host cannot pick its address");
        assertEquals("127.0.0.1", client("127.0.0.1", List.of("1.2.3.4, 8.8.8.8"), List.of(), NONE));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedAddressIsTheClient() {
        assertEquals("8.8.8.8", client("127.0.0.1", List.of("1.2.3.4, 8.8.8.8"), List.of(), TRUSTED),
                "what nginx sends when the client added its own header: the client's real address is right-most");
        assertEquals("8.8.8.8", client("127.0.0.1", List.of("192.168.1.9", "8.8.8.8, 10.0.0.7"), List.of(), TRUSTED),
                "several headers are one chain; trusted hops are skipped");
        assertEquals("192.168.1.9", client("127.0.0.1", List.of("192.168.1.9"), List.of(), TRUSTED));
        assertEquals("10.0.0.8", client("10.0.0.7", List.of("10.0.0.8"), List.of(), TRUSTED),
                "every hop trusted: the left-most sent it");
        assertEquals("2001:db8:0:0:0:0:0:1", client("::1", List.of("[2001:db8::1]:4711"), List.of(), TRUSTED));
        assertEquals("203.0.113.9", client("127.0.0.1", List.of("203.0.113.9:5555"), List.of(), TRUSTED));
    }

    @Test
    void whatIsNotAnAddressIsTheClientAndNeverLocal() {
        for (String junk : new String[] {"unknown", "localhost", "_hidden", "", "999.1.1.1", "1.2.3.4.5", "::1]"}) {
            ForwardedChain.Client c = ForwardedChain.client("127.0.0.1", List.of(junk), List.of(), TRUSTED);
            assertTrue(c.ip().isEmpty(), junk);
            assertFalse(LanOnlyFilter.isLocal(c.address()), junk);
        }
        assertEquals("garbage", client("127.0.0.1", List.of("8.8.8.8, garbage, 10.0.0.5"), List.of(), TRUSTED),
                "the walk stops at the first entry it cannot read");
    }

    @Test
    void theForwardedHeaderCountsToo() {
        assertEquals("8.8.8.8", client("127.0.0.1", List.of(), List.of("for=192.168.1.2, for=\"8.8.8.8\";proto=https"),
                TRUSTED));
        assertEquals("2001:db8:0:0:0:0:0:2", client("127.0.0.1", List.of(), List.of("For=\"[2001:db8::2]:80\""),
                TRUSTED));
        assertEquals("unknown", client("127.0.0.1", List.of(), List.of("for=unknown"), TRUSTED));
        assertEquals("unknown", client("127.0.0.1", List.of(), List.of("proto=http"), TRUSTED), "an element without for=");
    }

    @Test
    void twoHeadersThatDisagreeAreRefused() {
        assertEquals("CONFLICT", client("127.0.0.1", List.of("8.8.8.8"), List.of("for=192.168.1.2"), TRUSTED),
                "a client's own Forwarded header passed through by a proxy that sets X-Forwarded-For");
        assertEquals("8.8.8.8", client("127.0.0.1", List.of("8.8.8.8"), List.of("for=8.8.8.8"), TRUSTED));
        assertEquals("192.168.1.50", client("192.168.1.50", List.of("8.8.8.8"), List.of("for=1.1.1.1"), TRUSTED),
                "not from a trusted proxy: neither header is read");
    }

    @Test
    void trustedProxySettingTakesAddressesAndBlocks() {
        List<ClientAddresses.Cidr> list = ClientAddresses.parseList(" 192.168.1.2 ,fd00::/8, 172.16.0.0/12, nonsense,"
                + " 10.0.0.0/33, ");
        assertEquals(3, list.size(), "the invalid entries are left out (logged), never trusted");
        Predicate<InetAddress> t = a -> list.stream().anyMatch(c -> c.contains(a));
        assertTrue(t.test(ForwardedChain.parse("192.168.1.2").orElseThrow()));
        assertFalse(t.test(ForwardedChain.parse("192.168.1.3").orElseThrow()));
        assertTrue(t.test(ForwardedChain.parse("fdab::1").orElseThrow()));
        assertTrue(t.test(ForwardedChain.parse("172.31.255.255").orElseThrow()));
        assertFalse(t.test(ForwardedChain.parse("172.32.0.0").orElseThrow()));
        assertTrue(ClientAddresses.parseList(null).isEmpty());
        assertTrue(ClientAddresses.parseList(" ").isEmpty());
    }

    @Test
    void ipv6ClientsAreThrottledByTheirNetwork() {
        ForwardedChain.Client a = ForwardedChain.client("2001:db8:1:2:aaaa::1", List.of(), List.of(), NONE);
        ForwardedChain.Client b = ForwardedChain.client("2001:db8:1:2:bbbb::9", List.of(), List.of(), NONE);
        assertEquals(ClientAddresses.throttleKey(a), ClientAddresses.throttleKey(b));
        assertEquals("192.168.1.5", ClientAddresses.throttleKey(
                ForwardedChain.client("192.168.1.5", List.of(), List.of(), NONE)));
    }
}
