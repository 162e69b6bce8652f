package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.automation.HaDiscoverySchema;
import io.plughome.automation.MqttNames;
import io.plughome.simulator.SimulatedCharger;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MQTT against the real broker the build starts (Moquette), as Home Assistant uses it: a charger
 * appears through discovery (device, sensors for Energy, switch, number, button), its state
 * topics follow it live, commands limit and stop it with the REST API's rules and audit, a
 * command to an offline charger is answered "Offline", and Home Assistant's birth message brings
 * the discovery again. Each test server has its own prefixes on the shared broker.
 */
class MqttIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A subscriber that keeps every message, and the newest per topic. */
    static final class Listener implements AutoCloseable {
        final MqttClient client;
        final Map<String, String> latest = new ConcurrentHashMap<>();
        final CopyOnWriteArrayList<String[]> all = new CopyOnWriteArrayList<>();
        private final String[] filters;

        Listener(String... filters) throws Exception {
            this.filters = filters;
            client = new MqttClient("tcp://127.0.0.1:" + System.getProperty("plughome.it.mqttPort"),
                    "it-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            // A session the broker keeps, and reconnecting by itself: a connection the test broker drops
            // now and then (seen once in CI) comes back with its subscriptions, instead of failing the test.
            o.setCleanSession(false);
            o.setAutomaticReconnect(true);
            client.connect(o);
            for (String f : filters) {
                whileConnected(() -> client.subscribe(f, 1, (topic, message) -> {
                    String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                    latest.put(topic, payload);
                    all.add(new String[] {topic, payload, Boolean.toString(message.isRetained())});
                }));
            }
        }

        interface MqttCall {
            void run() throws org.eclipse.paho.client.mqttv3.MqttException;
        }

        /**
         * Runs a call of the client, again if the test broker dropped the connection under it (seen
         * in CI): the client reconnects by itself, within the test's 20 s.
         */
        private void whileConnected(MqttCall call) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                assertTrue(TestServer.eventually(WAIT, client::isConnected), "the test's MQTT client is connected");
                try {
                    call.run();
                    return;
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    boolean dropped = e.getReasonCode() == org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_CONNECTION_LOST
                            || e.getReasonCode() == org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_CLIENT_NOT_CONNECTED;
                    if (!dropped || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
        }

        String await(String topic, Predicate<String> check, String what) {
            boolean ok = TestServer.eventually(WAIT, () -> latest.containsKey(topic) && check.test(latest.get(topic)));
            assertTrue(ok, "waited for " + what + " on " + topic + "; it is " + latest.get(topic));
            return latest.get(topic);
        }

        void publish(String topic, String payload, boolean retained) throws Exception {
            MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            m.setRetained(retained);
            whileConnected(() -> client.publish(topic, m));
        }

        @Override
        public void close() throws Exception {
            try {
                if (client.isConnected()) {
                    client.unsubscribe(filters); // the broker keeps the session: nothing more queued for it
                    client.disconnect();
                }
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                // dropped by the broker meanwhile: nothing left to close but the client
            }
            client.close(true);
        }
    }

    private static String suffix() {
        return TestServer.database().startsWith("postgres") ? "pg" : "h2";
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static double number(String text) {
        return text == null || text.isEmpty() ? -1 : Double.parseDouble(text);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aChargerAppearsInHomeAssistantAndIsControlledOverMqtt(Version version) throws Exception {
        String id = TestServer.uniqueId("MQTT-" + version.name());
        String prefix = "plughome-" + suffix();
        String discovery = "homeassistant-" + suffix();
        String node = MqttNames.node(id);
        String base = prefix + "/" + id;
        // Only this charger's topics (and the bridge's status, and Home Assistant's): the broker keeps the
        // retained topics of every charger of the suite, too many to take at once.
        try (Listener ha = new Listener(base + "/#", discovery + "/+/" + node + "/+/config", prefix + "/status");
                SimulatedCharger charger = new SimulatedCharger(new SimulatedCharger.Options(
                        TestServer.wsUrl(TestServer.baseUrl()) + "/ocpp", id, version.subprotocol, null,
                        HttpClient.newHttpClient(), 1, 16, 3, 230, true, "MQTT-CARD", 50, 1, 0, 0, null)).start()) {
            // Discovery: a device from the charger's boot, and sensors fit for the Energy dashboard.
            JsonObject power = json(ha.await(discovery + "/sensor/" + node + "/power/config", t -> t.contains("Simulator"),
                    "the power sensor"));
            assertEquals("power", power.getString("device_class"));
            assertEquals("W", power.getString("unit_of_measurement"));
            assertEquals(base + "/power", power.getString("state_topic"));
            JsonObject device = power.getJsonObject("device");
            assertEquals("PlugHome", device.getString("manufacturer"));
            assertEquals("Simulator", device.getString("model"));
            assertEquals("sim-1.0", device.getString("sw_version"));
            assertTrue(device.containsKey("serial_number"));
            assertEquals(base + "/availability", power.getJsonArray("availability").getJsonObject(0).getString("topic"));
            JsonObject total = json(ha.await(discovery + "/sensor/" + node + "/total_energy/config", t -> true, "total"));
            assertEquals("energy", total.getString("device_class"));
            assertEquals("total_increasing", total.getString("state_class"));
            assertEquals("kWh", total.getString("unit_of_measurement"));
            JsonObject session = json(ha.await(discovery + "/sensor/" + node + "/session_energy/config", t -> true, "s"));
            assertTrue(!session.containsKey("state_class"), "session energy is not for the Energy dashboard");
            assertEquals(base + "/set/charge", json(ha.await(discovery + "/switch/" + node + "/charge/config",
                    t -> true, "the switch")).getString("command_topic"));
            assertEquals(base + "/set/current_limit", json(ha.await(discovery + "/number/" + node
                    + "/max_current/config", t -> true, "the number")).getString("command_topic"));
            assertEquals(base + "/set/override", json(ha.await(discovery + "/button/" + node + "/override/config",
                    t -> true, "the button")).getString("command_topic"));
            ha.await(discovery + "/sensor/" + node + "/fault/config", t -> true, "the fault sensor");
            ha.await(discovery + "/button/" + node + "/stop/config", t -> true, "the stop button");
            schemaClean(ha, discovery, node);

            // State, live.
            ha.await(base + "/availability", "online"::equals, "online");
            ha.await(base + "/status", "Charging"::equals, "Charging");
            assertEquals(10_833, number(ha.await(base + "/power", t -> number(t) > 10_000, "full power")), 1);
            ha.await(base + "/session_energy", t -> number(t) > 0, "session energy");
            ha.await(base + "/charging", "ON"::equals, "the switch on");
            // (plughome-xx/status, PlugHome's own online/offline, is not checked here: the suite's Arquillian
            // deployments run bridges of their own, whose undeployment publishes "offline" under the same prefix.)

            // Commands: limit it, then switch it off.
            ha.publish(base + "/set/current_limit", "10", false);
            ha.await(base + "/result", t -> t.contains("current_limit") && t.contains("Accepted"), "the limit's result");
            ha.await(base + "/current", t -> Math.abs(number(t) - 9.8) < 0.01, "the current following 10 A");
            ha.await(base + "/current_limit", t -> number(t) == 10, "the limit state");
            // The switch pauses (0 A, the session stays open) and resumes; the stop button ends the session.
            ha.publish(base + "/set/charge", "OFF", false);
            ha.await(base + "/result", t -> t.contains("\"charge\"") && t.contains("Accepted"), "the pause's result");
            ha.await(base + "/charging", "OFF"::equals, "the switch off");
            ha.await(base + "/paused", "true"::equals, "paused");
            ha.await(base + "/current", t -> number(t) == 0, "no current while paused");
            assertTrue(TestServer.get("/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN).json().getBoolean("paused"));
            assertTrue(ha.latest.get(base + "/session").contains("transactionId"), "the session is still open");
            ha.publish(base + "/set/charge", "ON", false);
            ha.await(base + "/charging", "ON"::equals, "the switch on again");
            ha.await(base + "/current", t -> Math.abs(number(t) - 9.8) < 0.01, "charging again at 10 A");
            ha.publish(base + "/set/stop", "PRESS", false);
            ha.await(base + "/result", t -> t.contains("\"stop\"") && t.contains("Accepted"), "the stop's result");
            ha.await(base + "/charging", "OFF"::equals, "the switch off");
            ha.await(base + "/status", "Finishing"::equals, "Finishing");
            // Removing the limit resets Home Assistant's number (an empty state would be ignored).
            ha.publish(base + "/set/current_limit", "None", false);
            ha.await(base + "/current_limit", "None"::equals, "the limit's reset value");
            String audit = TestServer.get("/api/v1/audit?actor=mqtt&chargerId=" + id, ADMIN_TOKEN).body();
            assertTrue(audit.contains("SetLimit") && audit.contains("Pause") && audit.contains("Resume")
                    && audit.contains("RemoteStop") && audit.contains("ClearLimit"), audit);

            // A connected charger is not removed: it would register again at once.
            var refused = TestServer.send("DELETE", "/api/v1/chargers/" + id, ADMIN_TOKEN, null);
            assertEquals(409, refused.status(), refused.body());
            assertEquals("ChargerConnected", refused.json().getString("error"), refused.body());

            // Home Assistant restarts: its birth message brings the discovery again.
            int before = ha.all.size();
            ha.publish(discovery + "/status", "online", false);
            assertTrue(TestServer.eventually(WAIT, () -> java.util.List.copyOf(ha.all).stream().skip(before)
                    .anyMatch(m -> m[0].equals(discovery + "/sensor/" + node + "/power/config"))), "discovery again");
        }
        // The charger is gone: its entities become unavailable, and a command is answered, not queued.
        try (Listener ha = new Listener(prefix + "/" + id + "/#")) {
            ha.await(base + "/availability", "offline"::equals, "offline");
            ha.publish(base + "/set/start", "", false);
            String result = ha.await(base + "/result", t -> t.contains("\"start\""), "the start's answer");
            assertEquals("Offline", json(result).getString("status"), result);
        }

        // The owner removes the charger: every entity leaves Home Assistant, every retained state is cleared.
        try (Listener ha = new Listener(base + "/#", discovery + "/+/" + node + "/+/config")) {
            assertTrue(TestServer.eventually(WAIT, () -> ha.latest.keySet().stream()
                    .filter(t -> t.startsWith(discovery + "/")).count() == io.plughome.automation.MqttBridge.ENTITIES.size()),
                    "the retained entities " + ha.latest);
            var removed = TestServer.send("DELETE", "/api/v1/chargers/" + id, ADMIN_TOKEN, null);
            assertEquals(204, removed.status(), removed.body());
            assertTrue(TestServer.eventually(WAIT, () -> ha.latest.entrySet().stream()
                    .filter(e -> !e.getKey().endsWith("/result")).allMatch(e -> e.getValue().isEmpty())),
                    "every retained topic of the charger cleared: " + ha.latest);
            assertTrue(ha.latest.containsKey(base + "/connector/1/status"), ha.latest.keySet().toString());
            assertEquals(404, TestServer.send("GET", "/api/v1/chargers/" + id, ADMIN_TOKEN, null).status());
            assertEquals(404, TestServer.send("DELETE", "/api/v1/chargers/" + id, ADMIN_TOKEN, null).status());
            String audit = TestServer.get("/api/v1/audit?chargerId=" + id, ADMIN_TOKEN).body();
            assertTrue(audit.contains("RemoveCharger"), audit);
        }
        // A new subscriber (Home Assistant starting) finds nothing of it on the broker.
        try (Listener late = new Listener(base + "/#", discovery + "/+/" + node + "/+/config")) {
            Thread.sleep(1500);
            assertEquals(Map.of(), late.latest, "nothing retained of a removed charger");
        }
        JsonObject status = TestServer.get("/api/v1/mqtt", ADMIN_TOKEN).json();
        assertTrue(status.getBoolean("connected"), status.toString());
        assertTrue(status.getJsonNumber("published").longValue() > 0, status.toString());
        // The PostgreSQL test server reaches the broker over TLS, trusting the CA in PLUGHOME_MQTT_CA_FILE; the H2
        // one in plain MQTT through the test proxy.
        assertEquals(suffix().equals("pg") ? "mqtts://127.0.0.1:" : "mqtt://127.0.0.1:",
                status.getString("broker").replaceFirst("\\d+$", ""), status.toString());
    }

    /** Every discovery config of the charger passes Home Assistant's documented schema. */
    private static void schemaClean(Listener ha, String discovery, String node) {
        assertTrue(TestServer.eventually(WAIT, () -> ha.latest.keySet().stream()
                .filter(t -> t.startsWith(discovery + "/") && t.contains("/" + node + "/")).count()
                == io.plughome.automation.MqttBridge.ENTITIES.size()), "every entity of " + node);
        ha.latest.forEach((topic, payload) -> {
            if (topic.startsWith(discovery + "/") && topic.contains("/" + node + "/") && !payload.isEmpty()) {
                assertEquals(java.util.List.of(), HaDiscoverySchema.errors(topic, json(payload)), topic);
            }
        });
    }

    /**
     * Charger ids of every kind PlugHome admits, side by side on one broker: each gets its own
     * valid topics and Home Assistant ids, takes commands, and none breaks the bridge for the
     * others (an emoji in an id once made the broker drop PlugHome's connection again and again).
     */
    @org.junit.jupiter.api.Test
    void chargerIdsOfEveryKindWorkSideBySide() throws Exception {
        String prefix = "plughome-" + suffix();
        String discovery = "homeassistant-" + suffix();
        java.util.List<String> ids = java.util.List.of(TestServer.uniqueId("Ladestation 🚗"),
                TestServer.uniqueId("Garáž-1"), TestServer.uniqueId("Gar__-1"), TestServer.uniqueId("a+b c"));
        long droppedBefore = TestServer.get("/api/v1/mqtt", ADMIN_TOKEN).json().getJsonNumber("dropped").longValue();
        java.util.List<io.plughome.testsupport.ChargePointSimulator> cps = new java.util.ArrayList<>();
        java.util.List<String> filters = new java.util.ArrayList<>();
        for (String id : ids) {
            filters.add(prefix + "/" + MqttNames.segment(id) + "/#");
            filters.add(discovery + "/+/" + MqttNames.node(id) + "/+/config");
        }
        try (Listener ha = new Listener(filters.toArray(String[]::new))) {
            for (String id : ids) {
                String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
                var cp = io.plughome.testsupport.ChargePointSimulator.connect(TestServer.wsUrl(TestServer.baseUrl())
                        + "/ocpp/" + encoded, id, "ocpp1.6");
                cps.add(cp);
                cp.bootUp("PlugHome", "Simulator");
                cp.connectorStatus(1, "Available");
            }
            java.util.Set<String> uniqueIds = new java.util.HashSet<>();
            for (String id : ids) {
                String node = MqttNames.node(id);
                String base = prefix + "/" + MqttNames.segment(id);
                ha.await(base + "/availability", "online"::equals, id + " online");
                ha.await(base + "/status", "Available"::equals, id + " available");
                JsonObject status = json(ha.await(discovery + "/sensor/" + node + "/status/config",
                        t -> t.contains("Simulator"), id + "'s status sensor"));
                assertEquals(id, status.getJsonObject("device").getString("name"), "the id verbatim as the name");
                assertTrue(uniqueIds.add(status.getString("unique_id")), "unique ids apart");
                schemaClean(ha, discovery, node);
            }
            // A command on the mapped topic reaches the right charger.
            String emoji = ids.get(0);
            String base = prefix + "/" + MqttNames.segment(emoji);
            ha.publish(base + "/set/current_limit", "11", false);
            ha.await(base + "/result", t -> t.contains("current_limit") && t.contains("Accepted"), "the result");
            String limits = "/api/v1/chargers/" + java.net.URLEncoder.encode(emoji, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/limits";
            assertEquals(11.0, TestServer.get(limits, ADMIN_TOKEN).json().getJsonNumber("maxCurrentA").doubleValue());
            JsonObject mqtt = TestServer.get("/api/v1/mqtt", ADMIN_TOKEN).json();
            assertTrue(mqtt.getBoolean("connected"), mqtt.toString());
            assertTrue(mqtt.getJsonNumber("dropped").longValue() - droppedBefore < 200, mqtt.toString());
        } finally {
            cps.forEach(io.plughome.testsupport.ChargePointSimulator::close);
            for (String id : ids) {
                String path = "/api/v1/chargers/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)
                        .replace("+", "%20");
                TestServer.eventually(WAIT, () -> TestServer.send("DELETE", path, ADMIN_TOKEN, null).status() == 204);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theAvailablePowerComesOverMqttToo() throws Exception {
        String prefix = "plughome-" + suffix();
        try (Listener home = new Listener(prefix + "/site/#")) {
            home.publish(prefix + "/site/available_power", "{\"currentA\": 12.5}", false);
            assertTrue(TestServer.eventually(WAIT, () -> TestServer.get("/api/v1/site/available-power", ADMIN_TOKEN)
                    .json().get("currentA") instanceof jakarta.json.JsonNumber n && n.doubleValue() == 12.5),
                    "the input taken from MQTT");
            home.publish(prefix + "/site/available_power", "lots", false);
            String answer = home.await(prefix + "/site/result", t -> t.contains("available_power"), "the refusal");
            assertEquals("Error", json(answer).getString("status"));
        } finally {
            TestServer.send("DELETE", "/api/v1/site/available-power", ADMIN_TOKEN, null);
        }
    }
}
