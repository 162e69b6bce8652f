package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an owner sees of the server at work: /metrics (Prometheus text) and a charger's frame log. */
class ObservabilityIT {

    private final String base = TestServer.baseUrl();

    @Test
    void metricsCountMessagesErrorsLatencyConnectionsAndPoolWaits() {
        String id = TestServer.uniqueId("METRICS");
        double heartbeatsBefore = value(metrics(), "plughome_ocpp_messages_total", "action=\"Heartbeat\"");
        double notImplementedBefore = value(metrics(), "plughome_ocpp_callerrors_total", "code=\"NotImplemented\"");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            cp.callOk("Heartbeat", JsonObject.EMPTY_JSON_OBJECT);
            cp.callOk("Heartbeat", JsonObject.EMPTY_JSON_OBJECT);
            assertEquals(4, cp.call("NoSuchAction", JsonObject.EMPTY_JSON_OBJECT).getInt(0));
            String text = metrics();
            assertTrue(value(text, "plughome_ocpp_messages_total", "action=\"Heartbeat\"") >= heartbeatsBefore + 2,
                    text);
            assertTrue(value(text, "plughome_ocpp_callerrors_total", "code=\"NotImplemented\"")
                    >= notImplementedBefore + 1);
            assertTrue(value(text, "plughome_ocpp_messages_total", "action=\"unknown\"") >= 1,
                    "an unknown action is counted under one name");
            assertTrue(value(text, "plughome_chargers_connected", "") >= 1);
            assertTrue(value(text, "plughome_ocpp_handler_seconds_count", "action=\"BootNotification\"") >= 1);
            assertTrue(text.contains("plughome_sessions_active"), "active sessions");
            assertTrue(text.contains("connectionpool_"), "the database pool's own metrics (waits, in use)");
        }
    }

    @Test
    void anAdminSwitchesOnAChargersFrameLogAndReadsWhatItSent() {
        String id = TestServer.uniqueId("FRAMES");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            JsonObject off = TestServer.get("/api/v1/chargers/" + id + "/frames", ADMIN_TOKEN).json();
            assertFalse(off.getBoolean("enabled"));
            assertEquals(0, off.getInt("total"));
            assertEquals(403, TestServer.get("/api/v1/chargers/" + id + "/frames", VIEWER_TOKEN).status());

            TestServer.Answer on = TestServer.send("PUT", "/api/v1/chargers/" + id + "/frames", ADMIN_TOKEN,
                    "{\"enabled\":true,\"size\":3}");
            assertEquals(200, on.status(), on.body());
            assertTrue(on.json().getBoolean("enabled"));
            cp.status(1, "Preparing", "NoError");
            cp.callOk("DataTransfer", Json.createObjectBuilder().add("vendorId", "acme").add("data", "hello").build());

            JsonObject log = TestServer.get("/api/v1/chargers/" + id + "/frames", ADMIN_TOKEN).json();
            List<JsonObject> items = log.getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(3, items.size(), "the last 3 frames: " + items);
            assertEquals("out", items.get(0).getString("direction"), "the StatusNotification's answer");
            assertEquals("in", items.get(1).getString("direction"));
            assertTrue(items.get(1).getString("text").contains("\"DataTransfer\""));
            assertTrue(items.get(1).getString("text").contains("hello"));
            assertEquals("out", items.get(2).getString("direction"));
            assertTrue(items.get(2).getString("text").startsWith("[3,"), "the answer: " + items.get(2));
            assertFalse(items.get(2).getString("at").isEmpty());

            assertEquals(400, TestServer.send("PUT", "/api/v1/chargers/" + id + "/frames", ADMIN_TOKEN,
                    "{\"enabled\":true,\"size\":0}").status());
            assertEquals(204, TestServer.send("DELETE", "/api/v1/chargers/" + id + "/frames", ADMIN_TOKEN, null)
                    .status());
            cp.callOk("Heartbeat", JsonObject.EMPTY_JSON_OBJECT);
            assertEquals(0, TestServer.get("/api/v1/chargers/" + id + "/frames", ADMIN_TOKEN).json().getInt("total"));
        }
        assertEquals(404, TestServer.get("/api/v1/chargers/no-such-" + id + "/frames", ADMIN_TOKEN).status());
    }

    private static String metrics() {
        TestServer.Answer answer = TestServer.get("/metrics", null, "text/plain");
        assertEquals(200, answer.status(), "/metrics is open like /health: " + answer.body());
        return answer.body();
    }

    /** The sum of a metric's samples whose labels contain {@code label} (0 when there is none). */
    static double value(String text, String name, String label) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(text);
        double sum = 0;
        while (m.find()) {
            if (label.isEmpty() || m.group(1) != null && m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
