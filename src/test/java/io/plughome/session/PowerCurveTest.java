package io.plughome.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerCurveTest {

    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");

    private static MeterSample sample(int second, String measurand, String phase, String unit, String value) {
        return new MeterSample("CP", 1, 1L, new MeterReading(T0.plusSeconds(second), measurand, phase, null, null, unit,
                value));
    }

    @Test
    void theChargersOwnPowerReadingsPhasesSummed() {
        List<MeterSample> samples = List.of(
                sample(0, MeterReading.POWER, null, "kW", "7.4"),
                sample(10, MeterReading.POWER, "L1", "W", "3600"), sample(10, MeterReading.POWER, "L2", "W", "3600"),
                sample(10, MeterReading.POWER, "L3", "W", "3600"),
                sample(10, MeterReading.ENERGY_REGISTER, null, "Wh", "1000"));
        List<PowerCurve.Point> curve = PowerCurve.of(samples, 100);
        assertEquals(2, curve.size());
        assertEquals(7400, curve.get(0).powerW(), 0.01, "kW read as W");
        assertEquals(10_800, curve.get(1).powerW(), 0.01, "three phases summed");
    }

    @Test
    void withoutPowerReadingsTheEnergyRegisterGivesIt() {
        List<MeterSample> samples = List.of(sample(0, MeterReading.ENERGY_REGISTER, null, "Wh", "1000"),
                sample(60, MeterReading.ENERGY_REGISTER, null, "Wh", "1110"),
                sample(120, null, null, null, "1220"));
        List<PowerCurve.Point> curve = PowerCurve.of(samples, 100);
        assertEquals(2, curve.size());
        assertEquals(6600, curve.get(0).powerW(), 0.01, "110 Wh in a minute is 6.6 kW");
        assertEquals(T0.plusSeconds(60), curve.get(0).at());
    }

    @Test
    void aLongSessionIsAveragedToAtMostTheAskedPoints() {
        List<MeterSample> samples = new ArrayList<>();
        for (int i = 0; i < 2880; i++) { // 8 h, every 10 s
            samples.add(sample(i * 10, MeterReading.POWER, null, "W", i < 1440 ? "11000" : "3000"));
        }
        List<PowerCurve.Point> curve = PowerCurve.of(samples, 300);
        assertEquals(300, curve.size());
        assertEquals(11_000, curve.get(0).powerW(), 0.01);
        assertEquals(3000, curve.get(299).powerW(), 0.01);
        double mean = curve.stream().mapToDouble(PowerCurve.Point::powerW).average().orElse(0);
        assertEquals(7000, mean, 60, "the averaging keeps the energy");
    }
}
