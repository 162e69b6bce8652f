package io.plughome.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChargingLimitsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static JsonObject v16(int id, String purpose, int stack, int connector, String unit, String periods,
            String start) {
        return json("{'connectorId':" + connector + ",'csChargingProfiles':{'chargingProfileId':" + id
                + ",'stackLevel':" + stack + ",'chargingProfilePurpose':'" + purpose + "','chargingProfileKind':"
                + "'Absolute','chargingSchedule':{" + (start == null ? "" : "'startSchedule':'" + start + "',")
                + "'chargingRateUnit':'" + unit + "','chargingSchedulePeriod':" + periods + "}}}");
    }

    @Test
    void noProfileLimitsNothing() {
        assertEquals(Optional.empty(), new ChargingLimits(230, 3).allowedCurrent(1, NOW));
    }

    @Test
    void theLowestPurposeWinsAndTheHighestStackLevelWithinOne() {
        ChargingLimits limits = new ChargingLimits(230, 3);
        assertTrue(limits.set(v16(1, "ChargePointMaxProfile", 1, 0, "A", "[{'startPeriod':0,'limit':20}]", null), NOW));
        assertTrue(limits.set(v16(2, "TxDefaultProfile", 0, 0, "A", "[{'startPeriod':0,'limit':6}]", null), NOW));
        assertTrue(limits.set(v16(3, "TxDefaultProfile", 1, 1, "A", "[{'startPeriod':0,'limit':13}]", null), NOW));
        assertEquals(13.0, limits.allowedCurrent(1, NOW).orElseThrow());
        // connector 2 has only the charger-wide ones
        assertEquals(6.0, limits.allowedCurrent(2, NOW).orElseThrow());
    }

    @Test
    void wattsBecomeAmperesAtTheChargersVoltageAndPhases() {
        ChargingLimits limits = new ChargingLimits(230, 3);
        limits.set(v16(1, "ChargePointMaxProfile", 1, 0, "W", "[{'startPeriod':0,'limit':6900}]", null), NOW);
        assertEquals(10.0, limits.allowedCurrent(1, NOW).orElseThrow(), 1e-9);
    }

    @Test
    void thePeriodInEffectCountsFromTheScheduleStart() {
        ChargingLimits limits = new ChargingLimits(230, 1);
        limits.set(v16(1, "TxDefaultProfile", 0, 0, "A",
                "[{'startPeriod':0,'limit':8},{'startPeriod':3600,'limit':16}]", "2026-12-02T11:30:00Z"), NOW);
        assertEquals(8.0, limits.allowedCurrent(1, NOW).orElseThrow());
        assertEquals(16.0, limits.allowedCurrent(1, NOW.plusSeconds(1800)).orElseThrow());
        // not begun yet
        assertEquals(Optional.empty(), limits.allowedCurrent(1, Instant.parse("2026-12-02T11:00:00Z")));
    }

    @Test
    void aProfileWithTheSameIdOrSlotIsReplacedAndClearRemovesIt() {
        ChargingLimits limits = new ChargingLimits(230, 3);
        limits.set(v16(7, "ChargePointMaxProfile", 1, 0, "A", "[{'startPeriod':0,'limit':8}]", null), NOW);
        limits.set(v16(7, "ChargePointMaxProfile", 1, 0, "A", "[{'startPeriod':0,'limit':4}]", null), NOW);
        assertEquals(1, limits.size());
        assertEquals(4.0, limits.allowedCurrent(1, NOW).orElseThrow());
        assertTrue(limits.clear(json("{'id':7}")));
        assertFalse(limits.clear(json("{'id':7}")));
        assertEquals(Optional.empty(), limits.allowedCurrent(1, NOW));
    }

    @Test
    void readsOcpp201Profiles() {
        ChargingLimits limits = new ChargingLimits(230, 3);
        assertTrue(limits.set(json("{'evseId':0,'chargingProfile':{'id':5,'stackLevel':1,'chargingProfilePurpose':"
                + "'ChargingStationMaxProfile','chargingProfileKind':'Absolute','chargingSchedule':[{'id':1,"
                + "'chargingRateUnit':'A','chargingSchedulePeriod':[{'startPeriod':0,'limit':11}]}]}}"), NOW));
        assertEquals(11.0, limits.allowedCurrent(1, NOW).orElseThrow());
        assertTrue(limits.clear(json("{'chargingProfileCriteria':{'chargingProfilePurpose':'ChargingStationMaxProfile'}}")));
        assertEquals(0, limits.size());
    }
}
