package io.plughome.ocpp;

import io.plughome.control.CommandReply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A command encoded in one version's words: the action, the payload, and how to read the
 * CALLRESULT payload back into a {@link CommandReply}.
 */
public record OutboundCall(String action, JsonObject payload, ReplyReader reader) {

    /** Reads a CALLRESULT payload; an invalid one is an {@link OcppException}. */
    @FunctionalInterface
    public interface ReplyReader {
        CommandReply read(JsonValue payload, Deviations deviations) throws OcppException;
    }
}
