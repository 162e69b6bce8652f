package io.plughome.automation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Home Assistant's MQTT discovery schema for the components PlugHome publishes, as its
 * documentation gives it (home-assistant.io/integrations/mqtt, sensor.mqtt, switch.mqtt,
 * number.mqtt, button.mqtt), for Home Assistant 2025.10, the oldest version PlugHome's discovery
 * supports: the first to take {@code default_entity_id}, which replaces {@code object_id}
 * (deprecated in 2025.10, refused from 2026.4). Full key names only (no abbreviations). What
 * Home Assistant would warn about or refuse is an error here.
 */
public final class HaDiscoverySchema {

    private static final Set<String> COMMON = Set.of("availability", "availability_mode", "availability_template",
            "availability_topic", "default_entity_id", "device", "enabled_by_default", "encoding", "entity_category",
            "entity_picture", "icon", "json_attributes_template", "json_attributes_topic", "name", "origin",
            "payload_available", "payload_not_available", "platform", "qos", "unique_id");
    private static final Map<String, Set<String>> COMPONENT = Map.of(
            "sensor", Set.of("device_class", "expire_after", "force_update", "last_reset_value_template", "options",
                    "suggested_display_precision", "state_class", "state_topic", "unit_of_measurement",
                    "value_template"),
            "switch", Set.of("command_template", "command_topic", "device_class", "optimistic", "payload_off",
                    "payload_on", "retain", "state_off", "state_on", "state_topic", "value_template"),
            "number", Set.of("command_template", "command_topic", "device_class", "max", "min", "mode", "optimistic",
                    "payload_reset", "retain", "state_topic", "step", "unit_of_measurement", "value_template"),
            "button", Set.of("command_template", "command_topic", "device_class", "payload_press", "retain"));
    private static final Map<String, Set<String>> REQUIRED = Map.of("sensor", Set.of("state_topic"),
            "switch", Set.of("command_topic"), "number", Set.of("command_topic"), "button", Set.of("command_topic"));
    private static final Set<String> DEVICE = Set.of("configuration_url", "connections", "hw_version", "identifiers",
            "manufacturer", "model", "model_id", "name", "serial_number", "suggested_area", "sw_version",
            "via_device");
    private static final Set<String> ORIGIN = Set.of("name", "sw_version", "support_url");
    private static final Set<String> AVAILABILITY = Set.of("topic", "payload_available", "payload_not_available",
            "value_template");
    private static final Set<String> STATE_CLASSES = Set.of("measurement", "measurement_angle", "total",
            "total_increasing");
    private static final Pattern DISCOVERY_TOPIC = Pattern.compile(
            "[^/#+]+/(sensor|switch|number|button)/([a-zA-Z0-9_-]+/)?[a-zA-Z0-9_-]+/config");
    private static final Pattern ENTITY_ID = Pattern.compile("(?!.*__)[a-z0-9_]+\\.(?!_)[a-z0-9_]+(?<!_)");

    private HaDiscoverySchema() {
    }

    /** Every way one discovery message breaks the schema; empty when Home Assistant takes it silently. */
    public static List<String> errors(String topic, JsonObject config) {
        List<String> errors = new ArrayList<>();
        var m = DISCOVERY_TOPIC.matcher(topic);
        if (!m.matches()) {
            errors.add("discovery topic " + topic + " is not <prefix>/<component>/<node_id>/<object_id>/config");
            return errors;
        }
        String component = m.group(1);
        for (String key : config.keySet()) {
            if (!COMMON.contains(key) && !COMPONENT.get(component).contains(key)) {
                errors.add(component + ": unknown key " + key);
            }
        }
        for (String key : REQUIRED.get(component)) {
            if (!config.containsKey(key)) {
                errors.add(component + ": " + key + " is required");
            }
        }
        if (!config.containsKey("unique_id")) {
            errors.add("no unique_id: the entity cannot be changed in Home Assistant's interface");
        }
        if (config.containsKey("default_entity_id")) {
            String id = config.getString("default_entity_id");
            if (!ENTITY_ID.matcher(id).matches() || !id.startsWith(component + ".")) {
                errors.add("default_entity_id " + id + " is not a valid " + component + " entity id");
            }
        }
        if (config.containsKey("entity_category")) {
            String category = config.getString("entity_category");
            if (!Set.of("config", "diagnostic").contains(category)) {
                errors.add("entity_category " + category);
            } else if (component.equals("sensor") && category.equals("config")) {
                errors.add("a sensor cannot have entity_category config");
            }
        }
        for (String key : List.of("state_topic", "command_topic", "json_attributes_topic", "availability_topic")) {
            if (config.containsKey(key)) {
                topicErrors(key, config.getString(key), key.equals("state_topic") || key.endsWith("attributes_topic"),
                        errors);
            }
        }
        if (config.containsKey("availability")) {
            for (JsonValue v : config.getJsonArray("availability")) {
                JsonObject a = v.asJsonObject();
                a.keySet().stream().filter(k -> !AVAILABILITY.contains(k))
                        .forEach(k -> errors.add("availability: unknown key " + k));
                if (!a.containsKey("topic")) {
                    errors.add("availability: topic is required");
                } else {
                    topicErrors("availability topic", a.getString("topic"), true, errors);
                }
            }
        }
        if (config.containsKey("availability_mode")
                && !Set.of("all", "any", "latest").contains(config.getString("availability_mode"))) {
            errors.add("availability_mode " + config.getString("availability_mode"));
        }
        if (!config.containsKey("device")) {
            errors.add("no device");
        } else {
            JsonObject device = config.getJsonObject("device");
            device.keySet().stream().filter(k -> !DEVICE.contains(k)).forEach(k -> errors.add("device: unknown key " + k));
            if (!device.containsKey("identifiers") && !device.containsKey("connections")) {
                errors.add("device: identifiers or connections are required");
            }
            if (device.containsKey("configuration_url")
                    && !device.getString("configuration_url").matches("(https?|homeassistant)://\\S+")) {
                errors.add("device: configuration_url " + device.getString("configuration_url"));
            }
            if (device.containsKey("name") && config.containsKey("name") && config.getString("name")
                    .toLowerCase().startsWith(device.getString("name").toLowerCase())) {
                errors.add("entity name starts with the device name (Home Assistant strips it and warns)");
            }
        }
        if (config.containsKey("origin")) {
            JsonObject origin = config.getJsonObject("origin");
            origin.keySet().stream().filter(k -> !ORIGIN.contains(k)).forEach(k -> errors.add("origin: unknown key " + k));
            if (!origin.containsKey("name")) {
                errors.add("origin: name is required");
            }
        }
        if (component.equals("sensor")) {
            sensorErrors(config, errors);
        }
        if (component.equals("number") && config.containsKey("mode")
                && !Set.of("auto", "box", "slider").contains(config.getString("mode"))) {
            errors.add("number: mode " + config.getString("mode"));
        }
        return errors;
    }

    private static void sensorErrors(JsonObject config, List<String> errors) {
        String deviceClass = config.containsKey("device_class") ? config.getString("device_class") : null;
        String stateClass = config.containsKey("state_class") ? config.getString("state_class") : null;
        if (stateClass != null && !STATE_CLASSES.contains(stateClass)) {
            errors.add("sensor: state_class " + stateClass);
        }
        if ("enum".equals(deviceClass)) {
            JsonArray options = config.containsKey("options") ? config.getJsonArray("options") : null;
            if (options == null || options.isEmpty()) {
                errors.add("sensor: device_class enum needs options");
            }
            if (stateClass != null || config.containsKey("unit_of_measurement")) {
                errors.add("sensor: device_class enum takes no state_class or unit_of_measurement");
            }
        } else if (config.containsKey("options")) {
            errors.add("sensor: options only with device_class enum");
        }
        if ("energy".equals(deviceClass)) {
            if ("measurement".equals(stateClass)) {
                errors.add("sensor: an energy sensor cannot have state_class measurement");
            }
            if (!Set.of("Wh", "kWh", "MWh", "GWh", "J", "kJ", "MJ", "GJ", "cal", "kcal", "Mcal", "Gcal")
                    .contains(config.getString("unit_of_measurement", ""))) {
                errors.add("sensor: energy in " + config.getString("unit_of_measurement", "no unit"));
            }
        }
        if ("power".equals(deviceClass) && !Set.of("W", "kW", "MW", "GW", "mW", "TW", "BTU/h")
                .contains(config.getString("unit_of_measurement", ""))) {
            errors.add("sensor: power in " + config.getString("unit_of_measurement", "no unit"));
        }
        if ("current".equals(deviceClass) && !Set.of("A", "mA")
                .contains(config.getString("unit_of_measurement", ""))) {
            errors.add("sensor: current in " + config.getString("unit_of_measurement", "no unit"));
        }
    }

    /** Whether Home Assistant offers this sensor in the Energy dashboard. */
    public static boolean offeredToEnergyDashboard(JsonObject config) {
        return "energy".equals(config.getString("device_class", null))
                && Set.of("total", "total_increasing").contains(config.getString("state_class", ""));
    }

    private static void topicErrors(String what, String topic, boolean subscribed, List<String> errors) {
        if (topic.isEmpty() || topic.getBytes(StandardCharsets.UTF_8).length > 65_535) {
            errors.add(what + ": empty or too long");
        }
        if (topic.contains("+") || topic.contains("#")) {
            errors.add(what + " " + topic + " holds a wildcard"
                    + (subscribed ? " (it would subscribe to other topics)" : " (a broker refuses to publish it)"));
        }
        if (topic.chars().anyMatch(c -> c == 0 || c < 0x20 || c >= 0x7f && c <= 0x9f)) {
            errors.add(what + " " + topic + " holds a control character");
        }
        if (topic.chars().anyMatch(c -> c > 0x7e)) {
            // PlugHome's own rule, stricter than MQTT's: a charger id's emoji once broke the bridge.
            errors.add(what + " " + topic + " is not ASCII (PlugHome maps charger ids to ASCII topic levels)");
        }
    }
}
