package io.plughome.testsupport;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;

/**
 * What a charger makes of a SetChargingProfile: the limit in force at an instant, as OCPP 1.6 and
 * 2.0.1 define it (2.0.1 has a list of schedules; PlugHome sends one).
 */
public final class ChargingProfiles {

    private ChargingProfiles() {
    }

    /**
     * The limit of the period in force at {@code at} of an Absolute profile (or of a Relative one
     * taken from {@code at}); null when the schedule has not begun or has ended.
     */
    public static Double limitInForce(JsonObject profile, Instant at) {
        JsonValue schedules = profile.get("chargingSchedule");
        JsonObject schedule = schedules instanceof JsonArray list ? list.getJsonObject(0) : schedules.asJsonObject();
        Instant start = schedule.containsKey("startSchedule") ? Instant.parse(schedule.getString("startSchedule")) : at;
        long offset = Duration.between(start, at).getSeconds();
        if (offset < 0) {
            return null;
        }
        if (schedule.containsKey("duration") && offset >= schedule.getInt("duration")) {
            return null;
        }
        Double limit = null;
        for (JsonValue value : schedule.getJsonArray("chargingSchedulePeriod")) {
            JsonObject period = value.asJsonObject();
            if (period.getInt("startPeriod") <= offset) {
                limit = period.getJsonNumber("limit").doubleValue();
            }
        }
        return limit;
    }

    /** The profile of a SetChargingProfile CALL frame, of either version. */
    public static JsonObject profileOf(JsonArray call) {
        JsonObject payload = call.getJsonObject(3);
        return payload.containsKey("csChargingProfiles") ? payload.getJsonObject("csChargingProfiles")
                : payload.getJsonObject("chargingProfile");
    }
}
