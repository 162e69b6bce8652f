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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The user-facing simulator against the real server, in both OCPP versions: a car plugs in and
 * charges on its own, its current follows the limit the owner sets (and pauses below 6 A), a
 * remote stop ends the session, a ground fault stops it, and a lost connection comes back
 * without a new boot.
 */
class SimulatorIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static SimulatedCharger simulated(String id, Version version, int faultAfter, int reconnectAfter) {
        return new SimulatedCharger(new SimulatedCharger.Options(TestServer.wsUrl(TestServer.baseUrl()) + "/ocpp", id,
                version.subprotocol, null, HttpClient.newHttpClient(), 1, 16, 3, 230, true, "SIM-CARD", 50, 1,
                faultAfter, reconnectAfter, null)).start();
    }

    /** Waits until the charger's view passes the check; answers it. */
    private static JsonObject chargerUntil(String id, Predicate<JsonObject> check, String what) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        boolean ok = TestServer.eventually(WAIT, () -> {
            TestServer.Answer answer = TestServer.get("/api/v1/chargers/" + id, ADMIN_TOKEN);
            if (answer.status() != 200) {
                return false;
            }
            last.set(answer.json());
            return check.test(answer.json());
        });
        assertTrue(ok, "waited for " + what + "; the charger is " + last.get());
        return last.get();
    }

    private static double session(JsonObject charger, String field) {
        JsonValue session = charger.get("activeSession");
        if (session == null || session.getValueType() != JsonValue.ValueType.OBJECT
                || session.asJsonObject().isNull(field)) {
            return -1;
        }
        return session.asJsonObject().getJsonNumber(field).doubleValue();
    }

    private static String connectorStatus(JsonObject charger) {
        return charger.getJsonArray("connectors").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getInt("connectorId") == 1).map(c -> c.getString("status", "")).findFirst().orElse("");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aSimulatedCarChargesFollowsTheLimitAndStopsWhenAsked(Version version) {
        String id = TestServer.uniqueId("SIM-" + version.name());
        try (SimulatedCharger charger = simulated(id, version, 0, 0)) {
            // 16 A offered, 15.7 A drawn, on three phases at 230 V.
            JsonObject c = chargerUntil(id, x -> session(x, "powerW") > 10_000, "the car charging at full power");
            assertEquals(version.subprotocol, c.getString("protocol"));
            assertEquals("Simulator", c.getString("model"));
            assertEquals(10_833, session(c, "powerW"), 1);
            assertEquals("Charging", connectorStatus(c));
            assertEquals("SIM-CARD", c.getJsonObject("activeSession").getString("idTag"));

            assertEquals(200, TestServer.send("PUT", "/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN,
                    "{\"maxCurrentA\":10}").status());
            c = chargerUntil(id, x -> Math.abs(session(x, "currentA") - 9.8) < 0.01, "the current following 10 A");
            assertEquals(6_762, session(c, "powerW"), 1);

            // Below the 6 A most cars need: paused, not switched off.
            assertEquals(200, TestServer.send("PUT", "/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN,
                    "{\"maxCurrentA\":4}").status());
            c = chargerUntil(id, x -> "SuspendedEVSE".equals(connectorStatus(x)) && session(x, "powerW") == 0,
                    "charging paused");

            assertEquals(204, TestServer.send("DELETE", "/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN, null)
                    .status());
            chargerUntil(id, x -> session(x, "powerW") > 10_000, "full power again without a limit");

            TestServer.Answer stop = TestServer.send("POST", "/api/v1/chargers/" + id + "/remote-stop", ADMIN_TOKEN,
                    "{}");
            assertEquals(200, stop.status(), stop.body());
            assertEquals("Accepted", stop.json().getString("status"));
            c = chargerUntil(id, x -> x.isNull("activeSession") && "Finishing".equals(connectorStatus(x)),
                    "the session stopped, the car still plugged in");
            JsonObject last = TestServer.get("/api/v1/sessions?chargerId=" + id, ADMIN_TOKEN).json()
                    .getJsonArray("items").getJsonObject(0);
            assertEquals("Remote", last.getString("stopReason"));
            assertTrue(last.getJsonNumber("energyWh").longValue() > 0, last.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aGroundFaultStopsTheSessionAndALostConnectionComesBackWithoutABoot(Version version) {
        String id = TestServer.uniqueId("SIMF-" + version.name());
        try (SimulatedCharger charger = simulated(id, version, 4, 7)) {
            JsonObject c = chargerUntil(id, x -> session(x, "powerW") > 0, "charging");
            String boot = c.getString("lastBoot");
            c = chargerUntil(id, x -> "Faulted".equals(connectorStatus(x)), "the fault");
            assertTrue(c.isNull("activeSession"), "the fault ended the session: " + c);
            String reason = TestServer.get("/api/v1/sessions?chargerId=" + id, ADMIN_TOKEN).json()
                    .getJsonArray("items").getJsonObject(0).getString("stopReason");
            assertEquals(version == Version.V16 ? "Other" : "GroundFault", reason);

            // The drop at 7 s, back 3 s later, with the same boot.
            chargerUntil(id, x -> !x.getBoolean("online"), "the connection lost");
            c = chargerUntil(id, x -> x.getBoolean("online"), "the charger back");
            assertEquals(boot, c.getString("lastBoot"), "it came back without a BootNotification");
        }
    }
}
