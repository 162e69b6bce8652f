package io.plughome.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charging profiles a simulated charger holds, and the current they allow now: per purpose
 * the profile with the highest stack level that has begun, the schedule period in effect, and
 * the lowest of the purposes (a charger-wide maximum caps a transaction's default). Limits in W
 * become amperes at the charger's voltage and phases. Speaks both 1.6 and 2.0.1 profile shapes.
 */
public final class ChargingLimits {

    /** One schedule as held: when it starts, its unit, and its periods as (offset seconds, limit). */
    record Profile(int id, String purpose, int stackLevel, int connectorId, Instant start, String kind,
            Long durationSeconds, String unit, JsonArray periods) {

        /** The limit in effect at {@code now}, or empty when the profile has not begun or has ended. */
        Optional<Double> limitAt(Instant now) {
            if (now.isBefore(start)) {
                return Optional.empty();
            }
            long elapsed = Duration.between(start, now).toSeconds();
            if ("Recurring".equals(kind)) {
                elapsed %= durationSeconds != null && durationSeconds > 0 ? durationSeconds : 86_400;
            } else if (durationSeconds != null && elapsed >= durationSeconds) {
                return Optional.empty();
            }
            Double limit = null;
            for (JsonValue value : periods) {
                JsonObject period = value.asJsonObject();
                if (period.getJsonNumber("startPeriod").longValue() <= elapsed) {
                    limit = period.getJsonNumber("limit").doubleValue();
                }
            }
            return Optional.ofNullable(limit);
        }
    }

    private final Map<Integer, Profile> profiles = new ConcurrentHashMap<>();
    private final double voltage;
    private final int phases;

    public ChargingLimits(double voltage, int phases) {
        this.voltage = voltage;
        this.phases = phases;
    }

    /**
     * Takes a profile from a SetChargingProfile payload, 1.6 ({@code csChargingProfiles}) or 2.0.1
     * ({@code chargingProfile}); answers false for one it cannot hold (a TxProfile for no
     * transaction is the caller's check).
     */
    public boolean set(JsonObject request, Instant now) {
        boolean v16 = request.containsKey("csChargingProfiles");
        JsonObject profile = request.getJsonObject(v16 ? "csChargingProfiles" : "chargingProfile");
        int connectorId = request.getInt(v16 ? "connectorId" : "evseId", 0);
        JsonObject schedule = v16 ? profile.getJsonObject("chargingSchedule")
                : profile.getJsonArray("chargingSchedule").getJsonObject(0);
        String kind = profile.getString("chargingProfileKind", "Absolute");
        Instant start = schedule.containsKey("startSchedule") ? Instant.parse(schedule.getString("startSchedule"))
                : now;
        JsonNumber duration = schedule.getJsonNumber("duration");
        JsonArray periods = schedule.getJsonArray("chargingSchedulePeriod");
        if (periods == null || periods.isEmpty()) {
            return false;
        }
        int id = profile.getInt(v16 ? "chargingProfileId" : "id");
        profiles.values().removeIf(p -> p.id() == id || (p.purpose().equals(profile.getString("chargingProfilePurpose"))
                && p.stackLevel() == profile.getInt("stackLevel") && p.connectorId() == connectorId));
        profiles.put(id, new Profile(id, profile.getString("chargingProfilePurpose"), profile.getInt("stackLevel"),
                connectorId, start, kind, duration == null ? null : duration.longValue(),
                schedule.getString("chargingRateUnit", "A"), periods));
        return true;
    }

    /**
     * Removes the profiles a ClearChargingProfile picks (1.6 fields, or 2.0.1's
     * {@code chargingProfileId} and {@code chargingProfileCriteria}); answers whether any went.
     */
    public boolean clear(JsonObject request) {
        JsonObject criteria = request.containsKey("chargingProfileCriteria")
                ? request.getJsonObject("chargingProfileCriteria") : request;
        Integer id = request.containsKey("id") ? Integer.valueOf(request.getInt("id"))
                : request.containsKey("chargingProfileId") ? Integer.valueOf(request.getInt("chargingProfileId")) : null;
        String purpose = criteria.getString("chargingProfilePurpose", null);
        Integer stackLevel = criteria.containsKey("stackLevel") ? criteria.getInt("stackLevel") : null;
        Integer connector = criteria.containsKey("connectorId") ? Integer.valueOf(criteria.getInt("connectorId"))
                : criteria.containsKey("evseId") ? Integer.valueOf(criteria.getInt("evseId")) : null;
        return profiles.values().removeIf(p -> (id == null || p.id() == id)
                && (purpose == null || p.purpose().equals(purpose))
                && (stackLevel == null || p.stackLevel() == stackLevel)
                && (connector == null || p.connectorId() == connector));
    }

    /** Removes the profiles of a transaction that ended. */
    public void transactionEnded() {
        profiles.values().removeIf(p -> p.purpose().equals("TxProfile"));
    }

    /** The current (A per phase) the profiles allow on a connector now, or empty when none limits it. */
    public Optional<Double> allowedCurrent(int connectorId, Instant now) {
        Double lowest = null;
        for (String purpose : new String[] {"ChargePointMaxProfile", "ChargingStationMaxProfile",
                "ChargingStationExternalConstraints", "TxDefaultProfile", "TxProfile"}) {
            Profile top = profiles.values().stream()
                    .filter(p -> p.purpose().equals(purpose) && (p.connectorId() == 0 || p.connectorId() == connectorId))
                    .filter(p -> p.limitAt(now).isPresent())
                    .max((a, b) -> a.stackLevel() != b.stackLevel() ? Integer.compare(a.stackLevel(), b.stackLevel())
                            : Integer.compare(a.connectorId(), b.connectorId()))
                    .orElse(null);
            if (top != null) {
                double limit = top.limitAt(now).orElseThrow();
                double amperes = "W".equals(top.unit()) ? limit / (voltage * phases) : limit;
                lowest = lowest == null ? amperes : Math.min(lowest, amperes);
            }
        }
        return Optional.ofNullable(lowest);
    }

    public int size() {
        return profiles.size();
    }
}
