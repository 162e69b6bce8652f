package io.plughome.control;

import io.plughome.authorization.IdToken;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command the server sends to a charger, independent of protocol version; the adapter of the
 * charger's version encodes it as a CALL and reads the answer.
 */
public sealed interface Command {

    /** The name the audit log and events use, e.g. {@code RemoteStart}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** What the audit log keeps of the request: the command itself, with secrets masked. */
    default Object audited() {
        return this;
    }

    /**
     * The new HTTP Basic password this command gives the charger, if it gives one (1.6
     * {@code AuthorizationKey}, 2.0.1 {@code SecurityCtrlr.BasicAuthPassword}): once the
     * charger accepts it, it is the charger's shared secret.
     */
    default Optional<String> newSharedSecret() {
        return Optional.empty();
    }

    /** What the audit log shows instead of a secret. */
    String MASKED = "********";

    /**
     * Start charging on a connector (any connector the charger picks when null) for a token;
     * {@code requestId} lets the charger's transaction name the request that started it
     * (2.0.1 remoteStartId).
     */
    record RemoteStart(Integer connectorId, IdToken idToken, int requestId) implements Command {
    }

    /** Stop a transaction, by its OCPP transaction id. */
    record RemoteStop(String transactionId) implements Command {
    }

    /** Restart the charger: SOFT ends transactions gracefully first, HARD reboots at once. */
    record Reset(Kind kind) implements Command {
        public enum Kind { SOFT, HARD }
    }

    /** Release the cable lock of a connector. */
    record Unlock(int connectorId) implements Command {
    }

    /** Make a connector (0: the whole charger) operative or inoperative. */
    record ChangeAvailability(int connectorId, boolean operative) implements Command {
    }

    /** Read settings (all of them when the list is empty). */
    record GetConfiguration(List<Setting> settings) implements Command {

        @Override
        public Object audited() {
            return Map.of("keys", settings.stream().map(Setting::text).toList());
        }
    }

    /** Change one setting. */
    record ChangeConfiguration(Setting setting, String value) implements Command {

        @Override
        public Optional<String> newSharedSecret() {
            return setting.isChargerPassword() ? Optional.ofNullable(value) : Optional.empty();
        }

        @Override
        public Object audited() {
            return Map.of("key", setting.text(), "value", newSharedSecret().isPresent() ? MASKED : value);
        }
    }

    /** Ask the charger to send one of its messages now. */
    record Trigger(TriggerMessage message, Integer connectorId) implements Command {
    }

    /**
     * Hold a charger's (connector 0) or a connector's charging rate at or below a limit, from
     * {@code from} on until replaced or cleared: a charging profile of one period, id
     * {@code profileId}. A limit of 0 pauses charging without ending the session.
     */
    record SetLimit(int connectorId, int profileId, Purpose purpose, int stackLevel, RateUnit unit, double limit,
            Instant from) implements Command {

        /** What the limit applies to: the whole charger, or every transaction by default. */
        public enum Purpose { CHARGE_POINT_MAX, TX_DEFAULT }
    }

    /** Remove the limit {@link SetLimit} installed with this profile id. */
    record ClearLimit(int profileId) implements Command {
    }

    /**
     * Ask the charger to report its device model (2.0.1 GetBaseReport FullInventory); it answers
     * in NotifyReport messages naming {@code requestId}. 1.6 chargers have no device model.
     */
    record ReportDeviceModel(int requestId) implements Command {
    }

    /** Ask which version of the local authorization list the charger holds (-1 or 0: none). */
    record GetLocalListVersion() implements Command {
    }

    /**
     * Send the local authorization list: all of it ({@code full}), or the changes since the
     * charger's version. An entry without status removes that idTag from the charger's list.
     */
    record SendLocalList(int version, boolean full, List<ListEntry> entries) implements Command {

        /**
         * One idTag as the charger should know it; status null removes it (differential only).
         * {@code tokenType}: the 2.0.1 idToken type the owner gave, null when not said.
         */
        public record ListEntry(String idTag, String status, Instant expiryDate, String parentIdTag,
                String tokenType) {

            public ListEntry(String idTag, String status, Instant expiryDate, String parentIdTag) {
                this(idTag, status, expiryDate, parentIdTag, null);
            }
        }

        @Override
        public Object audited() {
            return Map.of("version", version, "full", full, "entries", entries.size());
        }
    }

    /**
     * Ask the charger to upload its log (1.6 diagnostics) to {@code location}; {@code requestId}
     * names the request in the charger's status reports (2.0.1).
     */
    record UploadLog(String location, Instant startTime, Instant stopTime, Integer retries, Integer retryInterval,
            int requestId) implements Command {

        /** The name the audit log has always used. */
        @Override
        public String name() {
            return "GetDiagnostics";
        }
    }

    /**
     * Ask the charger to download firmware from {@code location} from {@code retrieveDate} on and
     * install it; {@code requestId} names the request in its status reports (2.0.1).
     */
    record UpdateFirmware(String location, Instant retrieveDate, Integer retries, Integer retryInterval,
            int requestId) implements Command {
    }

    /**
     * Any call of the charger's protocol version by its action name, with the payload in that
     * version's words (the operator's escape hatch). Checked against the version's schema before
     * it is sent; answered with the charger's payload as it was.
     */
    record Call(String action, JsonObject payload) implements Command {

        @Override
        public String name() {
            return "Call:" + action;
        }

        /** A 1.6 ChangeConfiguration of AuthorizationKey, or a 2.0.1 SetVariables of BasicAuthPassword. */
        @Override
        public Optional<String> newSharedSecret() {
            if ("ChangeConfiguration".equals(action) && payload.get("key") instanceof JsonString key
                    && Setting.parse(key.getString()).isChargerPassword()
                    && payload.get("value") instanceof JsonString value) {
                return Optional.of(value.getString());
            }
            return passwordEntry().map(entry -> entry.getString("attributeValue", null));
        }

        private Optional<JsonObject> passwordEntry() {
            if (!"SetVariables".equals(action) || !(payload.get("setVariableData") instanceof JsonArray data)) {
                return Optional.empty();
            }
            return data.stream().filter(v -> v instanceof JsonObject).map(JsonObject.class::cast)
                    .filter(Call::isPassword).findFirst();
        }

        private static boolean isPassword(JsonObject entry) {
            return entry.get("component") instanceof JsonObject component
                    && entry.get("variable") instanceof JsonObject variable
                    && component.get("name") instanceof JsonString c && variable.get("name") instanceof JsonString v
                    && new Setting(c.getString(), v.getString(), "").isChargerPassword();
        }

        @Override
        public Object audited() {
            JsonObject shown = payload;
            if ("ChangeConfiguration".equals(action) && newSharedSecret().isPresent()) {
                shown = Json.createObjectBuilder(payload).add("value", MASKED).build();
            } else if (passwordEntry().isPresent()) {
                var masked = Json.createArrayBuilder();
                payload.getJsonArray("setVariableData").forEach(v -> masked.add(v instanceof JsonObject entry
                        && isPassword(entry) ? Json.createObjectBuilder(entry).add("attributeValue", MASKED).build()
                        : v));
                shown = Json.createObjectBuilder(payload).add("setVariableData", masked).build();
            }
            return Map.of("action", action, "payload", shown);
        }
    }
}
