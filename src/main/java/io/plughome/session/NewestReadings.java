package io.plughome.session;

import io.plughome.charger.ChargerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time of the newest reading this server stored for each connector of each connected
 * charger, so that a message whose readings are all newer (every periodic MeterValues) is stored
 * without first looking for copies of them: only a message that reaches back to or before the
 * newest stored time (a charger sending again what it did not see acknowledged, or replaying its
 * queue) is looked up reading by reading.
 *
 * <p>Safe by construction: a time here that is later than what is really stored (its transaction
 * rolled back) only costs a look-up. A time earlier than what is stored would let a copy through,
 * so what a charger's connection knows is forgotten when the charger connects again, where
 * another server or an older connection may have stored readings this one never saw.
 */
@ApplicationScoped
public class NewestReadings {

    private final Map<String, Map<Integer, Instant>> newest = new ConcurrentHashMap<>();

    /** Whether every reading is later than the newest one stored for the connector (false when unknown). */
    public boolean allNewer(String chargerId, int connectorId, List<MeterReading> readings) {
        Map<Integer, Instant> connectors = newest.get(chargerId);
        Instant stored = connectors == null ? null : connectors.get(connectorId);
        if (stored == null || readings.isEmpty()) {
            return false;
        }
        return readings.stream().allMatch(r -> r.at() != null && r.at().isAfter(stored));
    }

    /** These readings were stored for the connector. */
    public void stored(String chargerId, int connectorId, List<MeterReading> readings) {
        readings.stream().map(MeterReading::at).filter(at -> at != null).max(Instant::compareTo).ifPresent(at ->
                newest.computeIfAbsent(chargerId, id -> new ConcurrentHashMap<>()).merge(connectorId, at,
                        (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Forgets what is known of the charger: it connected again. */
    void connected(@Observes ChargerEvents.Online online) {
        newest.remove(online.chargerId());
    }
}
