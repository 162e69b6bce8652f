package io.plughome.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.ocpp.Deviations;
import io.plughome.session.MeterReading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampledValuesTest {

    private static List<MeterReading> read(Deviations d, Types.SampledValue... values) {
        return SampledValues.toReadings(List.of(new Types.MeterValue(Instant.parse("2026-11-24T18:00:00Z"),
                List.of(values))), d);
    }

    @Test
    void aSampleWithoutMeasurandIsTheEnergyRegisterInWh() {
        MeterReading r = read(new Deviations(), new Types.SampledValue("42", null, null, null, null, null, null)).get(0);
        assertEquals(MeterReading.ENERGY_REGISTER, r.measurand());
        assertEquals("Wh", r.unit());
        assertEquals(42.0, r.baseValue());
    }

    @Test
    void celciusIsReadAsCelsiusAndCounted() {
        Deviations d = new Deviations();
        MeterReading r = read(d, new Types.SampledValue("21", null, null, "Temperature", null, null, "Celcius")).get(0);
        assertEquals("Celsius", r.unit());
        assertTrue(d.all().containsKey(Deviations.UNIT_SPELLING));
    }

    @Test
    void aUnitInTheWrongCaseIsCorrectedAndStillConverted() {
        Deviations d = new Deviations();
        MeterReading r = read(d, new Types.SampledValue("1.5", null, null, null, null, null, "kwh")).get(0);
        assertEquals("kWh", r.unit());
        assertEquals(1500.0, r.baseValue());
        assertTrue(d.all().containsKey(Deviations.UNIT_SPELLING));
    }

    @Test
    void anUnknownUnitOrMeasurandIsKeptAsSentAndCounted() {
        Deviations d = new Deviations();
        List<MeterReading> readings = read(d, new Types.SampledValue("50", null, null, "Frequency", null, null, "Hz"),
                new Types.SampledValue("1", null, null, "Vendor.Magic", null, null, null));
        assertEquals("Hz", readings.get(0).unit());
        assertEquals("Vendor.Magic", readings.get(1).measurand());
        assertTrue(d.all().keySet().containsAll(List.of(Deviations.UNKNOWN_UNIT, Deviations.UNKNOWN_MEASURAND)));
    }

    @Test
    void measurandCaseIsCorrected() {
        Deviations d = new Deviations();
        MeterReading r = read(d, new Types.SampledValue("7", null, null, "power.active.import", null, null, "kW")).get(0);
        assertEquals(MeterReading.POWER, r.measurand());
        assertEquals(7000.0, r.baseValue());
        assertTrue(d.all().containsKey(Deviations.ENUM_CASE));
    }

    @Test
    void valuesLongerThanTheirColumnsAreCutOnPurposeAndCounted() {
        Deviations d = new Deviations();
        String x = "x".repeat(300);
        MeterReading r = read(d, new Types.SampledValue("12.5", x, null, x, x, x, x)).get(0);
        assertEquals(MeterReading.MEASURAND_MAX, r.measurand().length());
        assertEquals(MeterReading.PHASE_MAX, r.phase().length());
        assertEquals(MeterReading.LOCATION_MAX, r.location().length());
        assertEquals(MeterReading.CONTEXT_MAX, r.context().length());
        assertEquals(MeterReading.UNIT_MAX, r.unit().length());
        assertEquals("12.5", r.rawValue());
        assertTrue(d.all().containsKey(Deviations.STRING_TRUNCATED));
    }

    @Test
    void anOverlongNumberKeepsItsValueInFewerCharacters() {
        Deviations d = new Deviations();
        MeterReading zeros = read(d, new Types.SampledValue("1234.5" + "0".repeat(200), null, null, null, null, null,
                null)).get(0);
        assertEquals("1234.5", zeros.rawValue());
        assertEquals(1234.5, zeros.baseValue());
        MeterReading digits = read(d, new Types.SampledValue("9".repeat(150), null, null, null, null, null, null))
                .get(0);
        assertTrue(digits.rawValue().length() <= MeterReading.RAW_VALUE_MAX, digits.rawValue());
        assertEquals(1e150, digits.baseValue(), 1e135);
        MeterReading text = read(d, new Types.SampledValue("y".repeat(5000), null, null, null, null, null, null))
                .get(0);
        assertEquals(MeterReading.RAW_VALUE_MAX, text.rawValue().length());
        assertTrue(d.all().containsKey(Deviations.STRING_TRUNCATED));
    }
}
