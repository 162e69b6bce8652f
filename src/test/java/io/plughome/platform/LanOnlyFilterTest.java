package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which client addresses count as local for PLUGHOME_LAN_ONLY. */
class LanOnlyFilterTest {

    @Test
    void loopbackAndPrivateNetworksAreLocal() {
        for (String local : new String[] {"127.0.0.1", "127.8.9.10", "::1", "[::1]", "10.1.2.3", "172.16.0.1",
            "172.31.255.254", "192.168.178.20", "169.254.10.10", "fd12:3456::1", "fc00::1", "fe80::1%eth0",
            "::ffff:192.168.1.2", "0:0:0:0:0:0:0:1"}) {
            assertTrue(LanOnlyFilter.isLocal(local), local);
        }
    }

    @Test
    void publicAndSharedAddressesAreNot() {
        for (String outside : new String[] {"8.8.8.8", "203.0.113.7", "172.32.0.1", "172.15.255.255", "100.64.0.1",
            "2001:db8::1", "2a00:1450::1", "::ffff:8.8.8.8", "192.169.0.1"}) {
            assertFalse(LanOnlyFilter.isLocal(outside), outside);
        }
    }

    @Test
    void namesAndGarbageAreNeverResolvedAndNeverLocal() {
        for (String odd : new String[] {null, "", " ", "localhost", "router.fritz.box", "999.1.1.1", "1.2.3",
            "not:an:address:zz"}) {
            assertFalse(LanOnlyFilter.isLocal(odd), String.valueOf(odd));
        }
    }
}
