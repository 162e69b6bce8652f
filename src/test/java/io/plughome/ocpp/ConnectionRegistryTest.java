package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The per-address limit counts connections nobody vouched for; a charger's secret lifts it. */
class ConnectionRegistryTest {

    private static ConnectionRegistry registry(int limit) {
        ConnectionRegistry registry = new ConnectionRegistry();
        registry.config = new OcppConfig();
        registry.config.maxConnectionsPerAddress = limit;
        registry.clock = Clock.systemUTC();
        return registry;
    }

    @Test
    void chargersWithTheirSecretAreNotCountedAtTheirAddress() {
        ConnectionRegistry registry = registry(2);
        assertTrue(registry.reserve("10.0.0.9", "A"));
        assertTrue(registry.reserve("10.0.0.9", "B"));
        assertFalse(registry.reserve("10.0.0.9", "C"), "the address is full");
        assertTrue(registry.reserve("10.0.0.8", "C"), "another address is not");

        registry.reserveAuthenticated("10.0.0.9", "S1");
        registry.reserveAuthenticated("10.0.0.9", "S2");
        ConnectionRegistry.Reservation s1 = registry.takeReservation("S1");
        assertEquals("10.0.0.9", s1.address());
        assertFalse(s1.counted());
        registry.cancelReservation("S2");
        assertFalse(registry.reserve("10.0.0.9", "D"), "cancelling an uncounted one freed no place");

        registry.cancelReservation("B");
        assertTrue(registry.reserve("10.0.0.9", "D"), "cancelling a counted one did");
        ConnectionRegistry.Reservation d = registry.takeReservation("D");
        assertTrue(d.counted());
    }

    @Test
    void aChargerThatLogsInAgainLosesItsCountedPlace() {
        ConnectionRegistry registry = registry(1);
        assertTrue(registry.reserve("10.0.0.9", "A"));
        registry.reserveAuthenticated("10.0.0.9", "A"); // the same charger, now with its secret
        assertTrue(registry.reserve("10.0.0.9", "B"), "A's counted place was given back");
    }
}
