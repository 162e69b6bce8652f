package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.simulator.SimulatedCharger;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The house's spare power drives the charging current: a simulated car (16 A, three phases)
 * follows the available-power input, keeps the minimum through a short dip, pauses when the
 * input stays below it, resumes above it, ignores changes smaller than the step, and charges by
 * the plain site limit again when the input stops coming. The test servers hold for 1 s and
 * fall back after 8 s without input.
 */
class AvailablePowerIT {

    private static final String PATH = "/api/v1/site/available-power";

    private static JsonObject put(String body) {
        TestServer.Answer answer = TestServer.send("PUT", PATH, ADMIN_TOKEN, body);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    /** Sends the input every second, as home automation does, until the charger passes the check. */
    private static JsonObject keepSending(String body, String chargerId, Predicate<JsonObject> check, String what) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        Instant deadline = Instant.now().plusSeconds(25);
        while (Instant.now().isBefore(deadline)) {
            put(body);
            JsonObject charger = TestServer.get("/api/v1/chargers/" + chargerId, ADMIN_TOKEN).json();
            last.set(charger);
            if (check.test(charger)) {
                return charger;
            }
            sleep(1000);
        }
        throw new AssertionError("sending " + body + ", waited for " + what + "; the charger is " + last.get());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double current(JsonObject charger) {
        JsonValue s = charger.get("activeSession");
        return s instanceof JsonObject o && !o.isNull("currentA") ? o.getJsonNumber("currentA").doubleValue() : -1;
    }

    private static String status(JsonObject charger) {
        return charger.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getInt("connectorId") == 1).map(c -> c.getString("status")).findFirst().orElse("");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void theChargingCurrentFollowsTheSparePower(Version version) {
        String id = TestServer.uniqueId("SOLAR-" + version.name());
        try (SimulatedCharger charger = new SimulatedCharger(new SimulatedCharger.Options(
                TestServer.wsUrl(TestServer.baseUrl()) + "/ocpp", id, version.subprotocol, null,
                HttpClient.newHttpClient(), 1, 16, 3, 230, true, "SUN", 50, 1, 0, 0, null)).start()) {
            assertTrue(TestServer.eventually(Duration.ofSeconds(20), () -> current(TestServer.get(
                    "/api/v1/chargers/" + id, ADMIN_TOKEN).json()) > 15), "charging at full current first");

            // 6.9 kW on three phases at 230 V: 10 A.
            keepSending("{\"powerW\":6900}", id, c -> Math.abs(current(c) - 9.8) < 0.01, "10 A offered");
            assertEquals(10.0, put("{\"powerW\":6900}").getJsonNumber("allowedCurrentA").doubleValue());

            // A change under the 1 A step is not passed on.
            JsonObject small = put("{\"currentA\":10.6}");
            assertEquals(10.0, small.getJsonNumber("allowedCurrentA").doubleValue());
            assertEquals(10.6, small.getJsonNumber("inputCurrentA").doubleValue());

            // Below the 6 A minimum: the minimum at first, then, after the hold, a pause.
            JsonObject dip = put("{\"currentA\":3}");
            assertTrue(dip.getJsonNumber("allowedCurrentA").doubleValue() == 6.0 || dip.getBoolean("paused"), dip.toString());
            JsonObject paused = keepSending("{\"currentA\":3}", id, c -> "SuspendedEVSE".equals(status(c)),
                    "charging paused");
            assertEquals(0, paused.getJsonObject("activeSession").getJsonNumber("powerW").doubleValue());
            assertTrue(put("{\"currentA\":3}").getBoolean("paused"));

            // Just above the minimum is not enough to resume (the step is the hysteresis); 8 A is.
            JsonObject still = put("{\"currentA\":6.5}");
            sleep(1500);
            still = put("{\"currentA\":6.5}");
            assertTrue(still.getBoolean("paused"), still.toString());
            keepSending("{\"currentA\":8}", id, c -> Math.abs(current(c) - 7.8) < 0.01, "charging again at 8 A");

            // The input stops: after 8 s the plain site limit (none here) applies again.
            assertTrue(TestServer.eventually(Duration.ofSeconds(30), () -> current(TestServer.get(
                    "/api/v1/chargers/" + id, ADMIN_TOKEN).json()) > 15), "full current once the input is stale");
            JsonObject stale = TestServer.get(PATH, ADMIN_TOKEN).json();
            assertTrue(stale.getBoolean("stale"), stale.toString());
            assertTrue(stale.isNull("allowedCurrentA"), stale.toString());
        } finally {
            assertEquals(204, TestServer.send("DELETE", PATH, ADMIN_TOKEN, null).status());
        }
        JsonObject cleared = TestServer.get(PATH, ADMIN_TOKEN).json();
        assertTrue(cleared.isNull("allowedCurrentA") && cleared.isNull("receivedAt"), cleared.toString());
    }

    @Test
    void badInputIsRefused() {
        for (String body : new String[] {"{}", "{\"powerW\":-1}", "{\"powerW\":100,\"currentA\":1}",
                "{\"currentA\":\"ten\"}", "{\"currentA\":5000}"}) {
            TestServer.Answer answer = TestServer.send("PUT", PATH, ADMIN_TOKEN, body);
            assertEquals(400, answer.status(), body + " -> " + answer.body());
        }
        assertEquals(403, TestServer.send("PUT", PATH, TestServer.VIEWER_TOKEN, "{\"powerW\":100}").status());
    }
}
