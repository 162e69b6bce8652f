package io.plughome.it;

import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Presence: online while connected, offline after a clean close, and offline when a connection
 * goes silent (the test server uses a 5 s heartbeat interval and 2 s grace, so silence is
 * detected after 12 s).
 */
class PresenceIT {

    private final String base = TestServer.baseUrl();

    private boolean online(String id) {
        return TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json().getBoolean("online");
    }

    @Test
    void onlineWhileConnectedOfflineAfterClose() {
        String id = TestServer.uniqueId("PRES");
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            assertTrue(online(id));
            Instant lastSeen = Instant.parse(TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                    .getString("lastSeen"));
            assertTrue(Duration.between(lastSeen, Instant.now()).abs().toSeconds() < 30);
        }
        assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> !online(id)));
    }

    /**
     * Frames no longer write when the charger was last heard (the connection keeps it, the presence
     * sweep writes it in bulk); a charger that goes away still shows the time of its last frame,
     * read from its record.
     */
    @Test
    void lastSeenAfterDisconnectIsTheLastFrameNotTheConnect() {
        String id = TestServer.uniqueId("LASTSEEN");
        Instant lastFrame;
        Instant bootAnswer;
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            bootAnswer = Instant.parse(cp.boot("Acme", "W").getString("currentTime"));
            // Heartbeats until the server's clock has moved a second past the boot (no fixed sleep).
            Instant answered = bootAnswer;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Duration.between(bootAnswer, answered).toMillis() < 1500 && System.nanoTime() < deadline) {
                answered = Instant.parse(cp.callOk("Heartbeat", jakarta.json.JsonValue.EMPTY_JSON_OBJECT)
                        .getString("currentTime"));
            }
            lastFrame = answered;
        }
        assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> !online(id)));
        Instant lastSeen = Instant.parse(TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                .getString("lastSeen"));
        assertTrue(lastSeen.isAfter(bootAnswer.plusSeconds(1)), "lastSeen " + lastSeen + " is the boot's time, "
                + bootAnswer + ", not the last heartbeat's, " + lastFrame);
        assertTrue(!lastSeen.isAfter(lastFrame.plusSeconds(1)), "lastSeen " + lastSeen + " after the last frame "
                + lastFrame);
    }

    @Test
    void aSilentConnectionIsClosedAndShownOffline() {
        String id = TestServer.uniqueId("SILENT");
        // java.net.http answers pings automatically, so silence here means no OCPP frames at all;
        // the ping's pong still counts as life. Use a client that stops reading instead.
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            assertTrue(online(id));
            // The server pings after plughome.ws.ping.seconds; the test server sets it beyond the
            // silence limit, so a client that sends nothing is closed by the sweep.
            int code = cp.awaitClose(Duration.ofSeconds(30));
            assertEquals(1001, code);
            assertFalse(online(id));
        }
    }
}
