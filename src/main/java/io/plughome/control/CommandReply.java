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

    /**
     * This answer and the answer to the next part of the same command (a request split to fit
     * the charger): the later status, and the details of both, lists joined.
     */
    public CommandReply merge(CommandReply next) {
        Map<String, Object> joined = new java.util.LinkedHashMap<>(details);
        next.details().forEach((key, value) -> joined.merge(key, value, (a, b) -> {
            if (a instanceof java.util.List<?> first && b instanceof java.util.List<?> second) {
                java.util.List<Object> both = new java.util.ArrayList<>(first);
                both.addAll(second);
                return both;
            }
            return b;
        }));
        return new CommandReply(next.status(), accepted && next.accepted(), joined, next.payload());
    }
}
