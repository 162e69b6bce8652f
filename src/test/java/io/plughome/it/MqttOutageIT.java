package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that is stuck, then gone, does not slow a charger down: its MeterValues are answered
 * at once all the while, the state updates that could not go out replace each other (counted as
 * dropped), and when the broker is back the newest value is what a subscriber finds. The H2 test
 * server reaches the broker through the build's test proxy, which this test freezes and cuts
 * (it runs on H2 only: it tests the bridge, not the database).
 */
class MqttOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void proxy(String state) throws Exception {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + System.getProperty("plughome.it.mqttControlPort") + "/proxy/" + state))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(204, r.statusCode(), "the test proxy's answer to " + state);
    }

    private static JsonObject bridge() {
        return TestServer.get("/api/v1/mqtt", ADMIN_TOKEN).json();
    }

    @AfterEach
    void brokerBack() throws Exception {
        if (!TestServer.database().equals("h2")) {
            return;
        }
        proxy("up");
        assertTrue(TestServer.eventually(WAIT, () -> bridge().getBoolean("connected")), "the bridge connected again");
    }

    /** Sends readings of rising power; the slowest answer's time in ms. */
    private static long readings(ChargePointSimulator cp, String tx, int count, double firstW) {
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            cp.meter(1, tx, Instant.now(), 1000 + i * 10L, firstW + i);
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
        }
        return slowest;
    }

    @Test
    void aStuckOrMissingBrokerNeitherSlowsChargersNorKeepsStaleValues() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestServer.database().equals("h2"),
                "only the H2 test server reaches the broker through the test proxy");
        assertTrue(TestServer.eventually(WAIT, () -> bridge().getBoolean("connected")), "connected at first");
        String id = TestServer.uniqueId("MQTT-OUT");
        String base = "plughome-h2/" + id;
        try (ChargePointSimulator cp = ChargePointSimulator.booted(TestServer.baseUrl(), id, Version.V16);
                MqttIT.Listener ha = new MqttIT.Listener(base + "/#")) {
            cp.connectorStatus(1, "Preparing");
            String tx = cp.startSession(1, "OUTAGE", 1000, Instant.now());
            ha.await(base + "/charging", "ON"::equals, "the session on MQTT");

            // Stuck: the connection stays open, nothing passes. More messages than may be in flight are due.
            long droppedBefore = bridge().getJsonNumber("dropped").longValue();
            proxy("frozen");
            long slowestFrozen = readings(cp, tx, 60, 5000);
            // A handler that waited for the broker would wait for the client's keep-alive (30 s) to give up.
            assertTrue(slowestFrozen < 5000, "slowest MeterValues answer with a stuck broker: " + slowestFrozen + " ms");
            assertTrue(TestServer.eventually(WAIT, () -> bridge().getJsonNumber("dropped").longValue() > droppedBefore),
                    "updates replaced while the broker was stuck are counted: " + bridge());

            // Gone: connections cut, new ones refused.
            proxy("down");
            assertTrue(TestServer.eventually(WAIT, () -> !bridge().getBoolean("connected")), "the bridge sees it");
            long droppedDown = bridge().getJsonNumber("dropped").longValue();
            long slowestDown = readings(cp, tx, 20, 7000);
            assertTrue(slowestDown < 5000, "slowest MeterValues answer with no broker: " + slowestDown + " ms");
            JsonObject down = bridge();
            assertFalse(down.getBoolean("connected"), down.toString());
            assertTrue(down.getJsonNumber("dropped").longValue() > droppedDown, "drops while down: " + down);
            // The readings are all stored, whatever the broker did.
            JsonObject session = TestServer.get("/api/v1/chargers/" + id, ADMIN_TOKEN).json().getJsonObject("activeSession");
            assertEquals(7019, session.getJsonNumber("powerW").doubleValue(), 0.01, session.toString());

            System.out.printf("[MqttOutageIT] slowest MeterValues answer: %d ms with the broker stuck, %d ms with it"
                    + " gone; updates dropped: %d while stuck, %d while gone%n", slowestFrozen, slowestDown,
                    droppedDown - droppedBefore, down.getJsonNumber("dropped").longValue() - droppedDown);

            // Back: the bridge reconnects by itself and the newest value is what subscribers find.
            proxy("up");
            assertTrue(TestServer.eventually(WAIT, () -> bridge().getBoolean("connected")), "reconnected");
            ha.await(base + "/power", "7019"::equals, "the newest power after the outage");
            ha.await(base + "/session_energy", "0.190"::equals, "the newest session energy (1190 - 1000 Wh)");
        }
    }
}
