package io.plughome.control;

import java.util.Map;

/**
 * A charger's answer to a command: its status word as it said it ({@code Accepted},
 * {@code Unlocked}, {@code RebootRequired}, ...), whether that means it will do what was asked,
 * and any data the answer carries (the keys of a GetConfiguration, for example).
 */
public record CommandReply(String status, boolean accepted, Map<String, Object> details) {

    public CommandReply {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
