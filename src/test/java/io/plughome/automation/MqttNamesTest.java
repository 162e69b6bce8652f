package io.plughome.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MqttNamesTest {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Test
    void plainIdsKeepTheirTopicsAndUniqueIds() {
        for (String id : List.of("CP-1", "garage_left", "EVB-P2134567", "a")) {
            assertEquals(id, MqttNames.segment(id));
            assertEquals("plughome_" + id, MqttNames.node(id));
            assertEquals(MqttNames.legacyNode(id), MqttNames.node(id), "unchanged for an existing installation");
        }
    }

    @Test
    void everyAdmittedIdGetsAStableUniqueAsciiName() {
        List<String> ids = List.of("Garáž-1", "Gar__-1", "Garaz-1", "Ladestation 🚗", "Ladestation 🚙", "🚗", "🚙",
                "a+b", "a#b", "a b", "a.b", "a_b", "x".repeat(255), "x".repeat(254) + "y", "x".repeat(65),
                "Ölfeld Süd", "充电桩-1", "CP-1_x0123456789");
        Set<String> segments = new HashSet<>();
        for (String id : ids) {
            String segment = MqttNames.segment(id);
            assertTrue(NAME.matcher(segment).matches(), id + " -> " + segment);
            assertTrue(segments.add(segment), "two chargers share " + segment);
            assertEquals(segment, MqttNames.segment(id), "stable");
        }
        assertEquals("Garaz-1", MqttNames.segment("Garáž-1").substring(0, 7), "readable: accents dropped");
        assertTrue(MqttNames.segment("Ladestation 🚗").startsWith("Ladestation_x"), MqttNames.segment("Ladestation 🚗"));
        assertTrue(MqttNames.segment("🚗").startsWith("charger_x"));
        // A plain id cannot take another id's hashed name: one that looks hashed is hashed itself.
        String hashed = MqttNames.segment("Garáž-1");
        assertNotEquals(hashed, MqttNames.segment(hashed));
        assertEquals(MqttNames.legacyNode("Garáž-1"), MqttNames.legacyNode("Gar__-1"), "what used to collide");
    }

    @Test
    void entityIdsAreWhatHomeAssistantTakes() {
        assertEquals("sensor.plughome_cp_1_power", MqttNames.entityId("sensor", "plughome_CP-1", "power"));
        assertEquals("switch.plughome_a_b_charge", MqttNames.entityId("switch", "plughome_a__b_", "charge"));
        String emoji = MqttNames.entityId("sensor", MqttNames.node("🚗"), "status");
        assertTrue(emoji.matches("sensor\\.(?!.*__)[a-z0-9_]+(?<!_)"), emoji);
    }
}
