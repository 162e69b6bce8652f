package io.plughome.control;

import jakarta.json.Json;
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
     * The new {@code AuthorizationKey} this command sets, if it sets one: once the charger
     * accepts it, it is the charger's shared secret (OCPP 1.6 security whitepaper).
     */
    default Optional<String> authorizationKey() {
        return Optional.empty();
    }

    /** The configuration key whose value is the charger's HTTP Basic password. */
    String AUTHORIZATION_KEY = "AuthorizationKey";

    /** What the audit log shows instead of a secret. */
    String MASKED = "********";

    /** Start charging on a connector (any connector the charger picks when null) for an idTag. */
    record RemoteStart(Integer connectorId, String idTag) implements Command {
    }

    /** Stop a transaction. */
    record RemoteStop(long transactionId) implements Command {
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

    /** Read configuration keys (all of them when the list is empty). */
    record GetConfiguration(List<String> keys) implements Command {
    }

    /** Set one configuration key. */
    record ChangeConfiguration(String key, String value) implements Command {

        @Override
        public Optional<String> authorizationKey() {
            return AUTHORIZATION_KEY.equalsIgnoreCase(key) ? Optional.ofNullable(value) : Optional.empty();
        }

        @Override
        public Object audited() {
            return authorizationKey().isPresent() ? new ChangeConfiguration(key, MASKED) : this;
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

    /** Ask which version of the local authorization list the charger holds (-1 or 0: none). */
    record GetLocalListVersion() implements Command {
    }

    /**
     * Send the local authorization list: all of it ({@code full}), or the changes since the
     * charger's version. An entry without status removes that idTag from the charger's list.
     */
    record SendLocalList(int version, boolean full, List<ListEntry> entries) implements Command {

        /** One idTag as the charger should know it; status null removes it (differential only). */
        public record ListEntry(String idTag, String status, Instant expiryDate, String parentIdTag) {
        }

        @Override
        public Object audited() {
            return Map.of("version", version, "full", full, "entries", entries.size());
        }
    }

    /** Ask the charger to upload its diagnostics file to {@code location}. */
    record GetDiagnostics(String location, Instant startTime, Instant stopTime, Integer retries,
            Integer retryInterval) implements Command {
    }

    /** Ask the charger to download firmware from {@code location} from {@code retrieveDate} on and install it. */
    record UpdateFirmware(String location, Instant retrieveDate, Integer retries, Integer retryInterval)
            implements Command {
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

        @Override
        public Optional<String> authorizationKey() {
            if ("ChangeConfiguration".equals(action) && payload.get("key") instanceof JsonString key
                    && AUTHORIZATION_KEY.equalsIgnoreCase(key.getString())
                    && payload.get("value") instanceof JsonString value) {
                return Optional.of(value.getString());
            }
            return Optional.empty();
        }

        @Override
        public Object audited() {
            JsonObject shown = authorizationKey().isEmpty() ? payload
                    : Json.createObjectBuilder(payload).add("value", MASKED).build();
            return Map.of("action", action, "payload", shown);
        }
    }
}
