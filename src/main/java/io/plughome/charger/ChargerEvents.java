package io.plughome.charger;

import io.plughome.platform.DomainEvent;
import java.time.Instant;

/** What happens to chargers, as events. */
public final class ChargerEvents {

    private ChargerEvents() {
    }

    /** A charger opened its connection. */
    public record Online(String chargerId, Instant at, String protocol) implements DomainEvent {
        @Override
        public String type() {
            return "charger.online";
        }
    }

    /** A charger's connection closed (or went silent and was closed). */
    public record Offline(String chargerId, Instant at, String reason) implements DomainEvent {
        @Override
        public String type() {
            return "charger.offline";
        }
    }

    /** A connector's status changed (a StatusNotification that was newer than what was stored). */
    public record Status(String chargerId, Instant at, int connectorId, String status, String errorCode,
            String info) implements DomainEvent {
        @Override
        public String type() {
            return "charger.status";
        }
    }

    /** A connector (or the charger, connector 0) reported a fault. */
    public record Fault(String chargerId, Instant at, int connectorId, String errorCode, String info,
            String vendorErrorCode) implements DomainEvent {
        @Override
        public String type() {
            return "charger.fault";
        }
    }

    /** The owner removed a charger, and everything stored about it (the audit log keeps its entries). */
    public record Removed(String chargerId, Instant at) implements DomainEvent {
        @Override
        public String type() {
            return "charger.removed";
        }
    }
}
