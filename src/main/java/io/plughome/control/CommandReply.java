package io.plughome.control;

import jakarta.json.JsonObject;
import java.util.Map;

/**
 * A charger's answer to a command: its status word as it said it ({@code Accepted},
 * {@code Unlocked}, {@code RebootRequired}, ...), whether that means it will do what was asked,
 * any data the answer carries (the keys of a GetConfiguration, for example), and for a raw
 * {@link Command.Call} the answer's payload exactly as the charger sent it (null otherwise).
 */
public record CommandReply(String status, boolean accepted, Map<String, Object> details, JsonObject payload) {

    public CommandReply {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public CommandReply(String status, boolean accepted, Map<String, Object> details) {
        this(status, accepted, details, null);
    }
}
