package io.plughome.api.v1;

import io.plughome.charger.ChargerService;
import io.plughome.charger.Registration;
import io.plughome.charger.SharedSecrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/v1/chargers/{id}}, read from JSON by hand: a field that is absent
 * is left alone, one that is null is cleared, which a record cannot tell apart.
 */
@Schema(name = "ChargerPatch", description = "Fields to change; absent fields stay as they are")
public record ChargerPatch(
        @Schema(description = "A name for people; null clears it") String name,
        @Schema(description = "The charger's HTTP Basic password, 8-40 printable characters; null removes it."
                + " Write-only.") String sharedSecret,
        @Schema(description = "true: accepted; false: pending again") Boolean approved,
        @Schema(description = "ACCEPTED, PENDING or REJECTED") String registration,
        @Schema(hidden = true) Set<String> given) {

    private static final Set<String> FIELDS = Set.of("name", "sharedSecret", "approved", "registration");

    /** What the body asks for, as the domain takes it. */
    ChargerService.Changes changes() {
        Registration target = approved != null ? (approved ? Registration.ACCEPTED : Registration.PENDING)
                : registration == null ? null : Registration.valueOf(registration);
        return new ChargerService.Changes(name, given.contains("name"), sharedSecret, given.contains("sharedSecret"),
                target);
    }

    /** The request for the audit log: the secret itself never goes there. */
    Map<String, Object> redacted() {
        Map<String, Object> request = new LinkedHashMap<>();
        if (given.contains("name")) {
            request.put("name", name == null ? "(cleared)" : name);
        }
        if (given.contains("sharedSecret")) {
            request.put("sharedSecret", sharedSecret == null ? "(removed)" : "(set)");
        }
        if (approved != null) {
            request.put("approved", approved);
        }
        if (registration != null) {
            request.put("registration", registration);
        }
        return request;
    }

    static ChargerPatch read(JsonObject body) {
        if (body == null || body.isEmpty()) {
            throw ApiError.badRequest("Give at least one of: name, sharedSecret, approved, registration");
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiError.badRequest("Unknown field '" + key + "'; a charger takes " + String.join(", ",
                        FIELDS.stream().sorted().toList()));
            }
        }
        String name = text(body, "name", 255);
        String secret = text(body, "sharedSecret", SharedSecrets.MAX_LENGTH);
        if (secret != null && SharedSecrets.problem(secret) != null) {
            throw ApiError.badRequest(SharedSecrets.problem(secret));
        }
        Boolean approved = null;
        if (body.containsKey("approved")) {
            JsonValue v = body.get("approved");
            if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                throw ApiError.badRequest("approved must be true or false");
            }
            approved = v == JsonValue.TRUE;
        }
        String registration = text(body, "registration", 20);
        if (registration != null) {
            registration = registration.toUpperCase(Locale.ROOT);
            if (!Set.of("ACCEPTED", "PENDING", "REJECTED").contains(registration)) {
                throw ApiError.badRequest("registration must be ACCEPTED, PENDING or REJECTED");
            }
            if (approved != null) {
                throw ApiError.badRequest("Give approved or registration, not both");
            }
        }
        return new ChargerPatch(name, secret, approved, registration, Set.copyOf(body.keySet()));
    }

    private static String text(JsonObject body, String field, int max) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw ApiError.badRequest(field + " must be a string or null");
        }
        if (s.getString().length() > max) {
            throw ApiError.badRequest(field + " must be at most " + max + " characters");
        }
        return s.getString();
    }
}
