package io.plughome.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope every outside listener gets an event in, the live stream and webhooks alike:
 * {@code {"id", "event", "at", "chargerId", "data"}}.
 */
public final class EventEnvelope {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private EventEnvelope() {
    }

    /** The envelope of a domain event, as JSON text. */
    public static String json(String id, DomainEvent event) {
        return json(id, event.type(), event.at(), event.chargerId(), event);
    }

    /** An envelope of anything (a webhook's ping, say). */
    public static String json(String id, String type, Instant at, String chargerId, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("event", type);
        envelope.put("at", at == null ? Instant.now() : at);
        envelope.put("chargerId", chargerId);
        envelope.put("data", data);
        return JSON.toJson(envelope);
    }
}
