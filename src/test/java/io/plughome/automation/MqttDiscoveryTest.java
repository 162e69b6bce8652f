package io.plughome.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.charger.BootInfo;
import io.plughome.charger.Charger;
import io.plughome.charger.Registration;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The discovery payloads, checked against Home Assistant's documented schema ({@link HaDiscoverySchema}). */
class MqttDiscoveryTest {

    private static MqttBridge bridge() {
        MqttConfig config = new MqttConfig();
        config.topicPrefix = "plughome";
        config.discoveryPrefix = "homeassistant";
        MqttBridge bridge = new MqttBridge();
        bridge.config = config;
        bridge.configurationUrl = "http://192.168.1.20:8080/";
        return bridge;
    }

    private static Charger charger(String id) {
        Charger c = new Charger(id, Registration.ACCEPTED, Instant.EPOCH);
        c.booted(new BootInfo("Vendor", "Model X", "SN-1", null, "1.2.3", null, null, null, null), Instant.EPOCH);
        return c;
    }

    @Test
    void everyChargerIdGivesDiscoveryHomeAssistantTakesWithoutWarnings() {
        MqttBridge bridge = bridge();
        Set<String> uniqueIds = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (String id : List.of("CP-1", "Garáž-1", "Gar__-1", "Ladestation 🚗", "a+b#c", "x".repeat(255))) {
            Map<String, JsonObject> payloads = bridge.discoveryPayloads(charger(id));
            assertEquals(MqttBridge.ENTITIES.size(), payloads.size(), id);
            List<String> errors = new ArrayList<>();
            int energyDashboard = 0;
            for (var e : payloads.entrySet()) {
                HaDiscoverySchema.errors(e.getKey(), e.getValue()).forEach(err -> errors.add(e.getKey() + ": " + err));
                assertTrue(uniqueIds.add(e.getValue().getString("unique_id")), "unique " + e.getValue());
                assertTrue(topics.add(e.getKey()), "one discovery topic per entity");
                if (HaDiscoverySchema.offeredToEnergyDashboard(e.getValue())) {
                    energyDashboard++;
                    assertTrue(e.getKey().endsWith("/total_energy/config"), e.getKey());
                }
            }
            assertEquals(List.of(), errors, id);
            assertEquals(1, energyDashboard, "only total energy goes to the Energy dashboard");
        }
    }

    @Test
    void theDetailsHomeAssistantShows() {
        Map<String, JsonObject> payloads = bridge().discoveryPayloads(charger("CP-1"));
        JsonObject status = payloads.get("homeassistant/sensor/plughome_CP-1/status/config");
        assertEquals("enum", status.getString("device_class"));
        assertTrue(status.getJsonArray("options").toString().contains("\"SuspendedEV\""));
        assertEquals("sensor.plughome_cp_1_status", status.getString("default_entity_id"));
        assertFalse(status.containsKey("object_id"), "deprecated since Home Assistant 2025.10");
        assertEquals("PlugHome", status.getJsonObject("origin").getString("name"));
        assertEquals("http://192.168.1.20:8080/", status.getJsonObject("device").getString("configuration_url"));
        assertEquals("diagnostic", payloads.get("homeassistant/sensor/plughome_CP-1/fault/config")
                .getString("entity_category"));
        JsonObject session = payloads.get("homeassistant/sensor/plughome_CP-1/session_energy/config");
        assertFalse(session.containsKey("state_class"), session.toString());
        JsonObject number = payloads.get("homeassistant/number/plughome_CP-1/max_current/config");
        assertEquals(MqttBridge.NO_LIMIT, number.getString("payload_reset"));
        assertEquals("plughome/CP-1/set/stop", payloads.get("homeassistant/button/plughome_CP-1/stop/config")
                .getString("command_topic"));
        assertEquals("plughome/CP-1/set/charge", payloads.get("homeassistant/switch/plughome_CP-1/charge/config")
                .getString("command_topic"));
    }

    @Test
    void theSchemaCatchesWhatHomeAssistantWarnsAbout() {
        JsonObject old = jakarta.json.Json.createObjectBuilder().add("name", "Power").add("unique_id", "u")
                .add("object_id", "u").add("state_topic", "p/🚗/power").add("state_class", "total_increasing")
                .add("device_class", "energy").add("unit_of_measurement", "W")
                .add("device", jakarta.json.Json.createObjectBuilder().add("identifiers",
                        jakarta.json.Json.createArrayBuilder().add("x"))).build();
        List<String> errors = HaDiscoverySchema.errors("homeassistant/sensor/n/power/config", old);
        assertTrue(errors.stream().anyMatch(e -> e.contains("object_id")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("not ASCII")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("energy in W")), errors.toString());
        assertFalse(HaDiscoverySchema.errors("homeassistant/sensor/n+1/power/config", old).isEmpty());
    }
}
