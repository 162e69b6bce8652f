package io.plughome.ocpp;

import io.plughome.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * One OCPP-J frame: {@code [2, id, action, payload]} CALL, {@code [3, id, payload]} CALLRESULT,
 * {@code [4, id, code, description, details]} CALLERROR. Parsing is strict about the frame and
 * leaves the payload to the record codec.
 */
public sealed interface Frame {

    int CALL = 2;
    int CALL_RESULT = 3;
    int CALL_ERROR = 4;

    /** The longest message id the specification allows. */
    int MAX_ID_LENGTH = 36;

    String messageId();

    String toJson();

    record Call(String messageId, String action, JsonObject payload) implements Frame {
        @Override
        public String toJson() {
            return JsonP.PROVIDER.createArrayBuilder().add(CALL).add(messageId).add(action).add(payload).build().toString();
        }
    }

    record CallResult(String messageId, JsonValue payload) implements Frame {
        @Override
        public String toJson() {
            return JsonP.PROVIDER.createArrayBuilder().add(CALL_RESULT).add(messageId).add(payload).build().toString();
        }
    }

    record CallError(String messageId, String code, String description, JsonObject details) implements Frame {
        @Override
        public String toJson() {
            return JsonP.PROVIDER.createArrayBuilder().add(CALL_ERROR).add(messageId).add(code)
                    .add(description == null ? "" : description)
                    .add(details == null ? JsonValue.EMPTY_JSON_OBJECT : details).build().toString();
        }
    }

    /** A frame that could not be parsed; {@link #messageId} is what could be recovered, or "-1". */
    final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String messageId;
        private final Problem problem;

        Malformed(String messageId, Problem problem, String description) {
            super(description);
            this.messageId = messageId;
            this.problem = problem;
        }

        public String messageId() {
            return messageId;
        }

        public Problem problem() {
            return problem;
        }
    }

    static Frame parse(String text) throws Malformed {
        JsonValue value;
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new Malformed("-1", Problem.FORMAT, "Frame is not valid JSON");
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than 1000 levels with a plain RuntimeException
            throw new Malformed("-1", Problem.FORMAT, "Frame is not valid JSON (nested too deeply)");
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new Malformed("-1", Problem.FORMAT, "Frame is not a JSON array");
        }
        String id = array.size() > 1 && array.get(1) instanceof JsonString s ? s.getString() : "-1";
        if (array.get(0).getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Malformed(id, Problem.FORMAT, "Frame does not start with a message type number");
        }
        int type = array.getJsonNumber(0).intValue();
        if (array.size() < 2 || !(array.get(1) instanceof JsonString)) {
            throw new Malformed("-1", Problem.FORMAT, "Frame has no message id string");
        }
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new Malformed(id.isEmpty() ? "-1" : id.substring(0, Math.min(id.length(), MAX_ID_LENGTH)),
                    Problem.FORMAT, "Message id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        switch (type) {
            case CALL -> {
                if (array.size() < 3 || !(array.get(2) instanceof JsonString action)) {
                    throw new Malformed(id, Problem.FORMAT, "CALL has no action name");
                }
                if (array.size() < 4) {
                    throw new Malformed(id, Problem.PROTOCOL, "CALL has no payload");
                }
                if (array.size() > 4) {
                    throw new Malformed(id, Problem.FORMAT, "CALL has more than four elements");
                }
                if (!(array.get(3) instanceof JsonObject payload)) {
                    throw new Malformed(id, Problem.FORMAT, "CALL payload is not a JSON object");
                }
                return new Call(id, action.getString(), payload);
            }
            case CALL_RESULT -> {
                if (array.size() != 3) {
                    throw new Malformed(id, Problem.FORMAT, "CALLRESULT must have three elements");
                }
                return new CallResult(id, array.get(2));
            }
            case CALL_ERROR -> {
                if (array.size() < 4 || !(array.get(2) instanceof JsonString code)
                        || !(array.get(3) instanceof JsonString description)) {
                    throw new Malformed(id, Problem.FORMAT, "CALLERROR needs an error code and a description");
                }
                JsonObject details = array.size() > 4 && array.get(4) instanceof JsonObject d ? d : null;
                return new CallError(id, code.getString(), description.getString(), details);
            }
            default -> throw new Malformed(id, Problem.FORMAT, "Unknown message type " + type);
        }
    }
}
