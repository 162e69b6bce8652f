package io.plughome.session;

import io.plughome.platform.DomainEvent;
import java.time.Instant;

/** What happens to charging sessions, as events. */
public final class SessionEvents {

    private SessionEvents() {
    }

    public record Started(String chargerId, Instant at, long sessionId, String transactionId, int connectorId,
            String idTag, Long meterStartWh) implements DomainEvent {
        @Override
        public String type() {
            return "session.started";
        }
    }

    public record Stopped(String chargerId, Instant at, long sessionId, String transactionId, int connectorId,
            Long energyWh, String stopReason) implements DomainEvent {
        @Override
        public String type() {
            return "session.stopped";
        }
    }

    /** New meter values for an active session: its live energy and power. */
    public record Meter(String chargerId, Instant at, long sessionId, String transactionId, int connectorId,
            Long energyWh, Double powerW, Double currentA, Double socPercent) implements DomainEvent {
        @Override
        public String type() {
            return "meter.values";
        }
    }

    static Started started(ChargingSession s) {
        return new Started(s.chargerId(), s.startedAt(), s.id(), s.transactionId(), s.connectorId(), s.idTag(),
                s.meterStartWh());
    }

    static Stopped stopped(ChargingSession s) {
        return new Stopped(s.chargerId(), s.stoppedAt(), s.id(), s.transactionId(), s.connectorId(), s.energyWh(),
                s.stopReason());
    }

    static Meter meter(ChargingSession s, Instant at) {
        return new Meter(s.chargerId(), at, s.id(), s.transactionId(), s.connectorId(), s.energyWh(), s.powerW(),
                s.currentA(), s.socPercent());
    }
}
