package io.plughome.session;

import io.plughome.authorization.IdToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");

    private static MeterReading reading(Instant at, String measurand, String phase, String unit, String value) {
        return new MeterReading(at, measurand, phase, null, "Sample.Periodic", unit, value);
    }

    @Test
    void kWhRegisterReadingsBecomeWattHours() {
        MeterSnapshot s = MeterSnapshot.latest(List.of(reading(T0, MeterReading.ENERGY_REGISTER, null, "kWh", "12.3456")));
        assertEquals(12_346L, s.registerWh());
    }

    @Test
    void powerIsTheSumOfPhasesWhenNoTotalIsGivenAndCurrentTheLargestPhase() {
        MeterSnapshot s = MeterSnapshot.latest(List.of(
                reading(T0, MeterReading.POWER, "L1", "W", "2300"),
                reading(T0, MeterReading.POWER, "L2", "W", "2200"),
                reading(T0, MeterReading.POWER, "L3", "kW", "2.1"),
                reading(T0, MeterReading.CURRENT, "L1", "A", "10"),
                reading(T0, MeterReading.CURRENT, "L2", "A", "15.5"),
                reading(T0, MeterReading.SOC, null, "Percent", "64")));
        assertEquals(6600.0, s.powerW());
        assertEquals(15.5, s.currentA());
        assertEquals(64.0, s.socPercent());
    }

    @Test
    void aPhaselessTotalWinsOverPhases() {
        MeterSnapshot s = MeterSnapshot.latest(List.of(
                reading(T0, MeterReading.POWER, "L1", "W", "100"),
                reading(T0, MeterReading.POWER, null, "kW", "7.4")));
        assertEquals(7400.0, s.powerW());
    }

    @Test
    void theNewestValueOfEachMeasurandWins() {
        MeterSnapshot s = MeterSnapshot.latest(List.of(
                reading(T0.plusSeconds(60), MeterReading.ENERGY_REGISTER, null, "Wh", "2000"),
                reading(T0, MeterReading.ENERGY_REGISTER, null, "Wh", "1000"),
                reading(T0, MeterReading.POWER, null, "W", "3000")));
        assertEquals(2000L, s.registerWh());
        assertEquals(3000.0, s.powerW());
        assertEquals(T0.plusSeconds(60), s.at());
    }

    @Test
    void unparsableValuesAreIgnoredNotFatal() {
        MeterSnapshot s = MeterSnapshot.latest(List.of(reading(T0, MeterReading.ENERGY_REGISTER, null, "Wh", "n/a")));
        assertNull(s.registerWh());
    }

    @Test
    void energyOfASessionIsLiveWhileActiveAndFinalAfterStop() {
        ChargingSession session = new ChargingSession("CP", 1, 1, IdToken.untyped("TAG"), 1000L, null, T0, false, T0);
        assertEquals(0L, session.energyWh());
        session.observe(MeterSnapshot.latest(List.of(reading(T0.plusSeconds(60), MeterReading.ENERGY_REGISTER, null,
                "kWh", "1.5"))));
        assertEquals(500L, session.energyWh());
        session.stop(2750L, T0.plusSeconds(120), StopReason.Local, null);
        assertEquals(1750L, session.energyWh());
    }
}
