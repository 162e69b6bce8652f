package io.plughome.control;

import java.time.Instant;
import java.util.List;

/**
 * A command the server sends to a charger, independent of protocol version; the adapter of the
 * charger's version encodes it as a CALL and reads the answer.
 */
public sealed interface Command {

    /** The name the audit log and events use, e.g. {@code RemoteStart}. */
    default String name() {
        return getClass().getSimpleName();
    }

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
}
