package io.plughome.ocpp.v201;

import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.SampledValueReader;
import io.plughome.session.MeterReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 2.0.1 meter values as readings: the value is a number with a unit and a power-of-ten
 * multiplier ({@code 7.4} kW may come as {@code 74} W with multiplier 2), applied here; then the
 * tolerant reader every version shares.
 */
final class MeterValues201 {

    private MeterValues201() {
    }

    static List<MeterReading> toReadings(List<Types.MeterValue> meterValues, Deviations deviations) {
        List<MeterReading> readings = new ArrayList<>();
        if (meterValues == null) {
            return readings;
        }
        for (Types.MeterValue meterValue : meterValues) {
            for (Types.SampledValue sv : meterValue.sampledValue()) {
                Types.UnitOfMeasure unit = sv.unitOfMeasure();
                BigDecimal value = sv.value();
                if (unit != null && unit.multiplier() != null && unit.multiplier() != 0) {
                    value = value.scaleByPowerOfTen(unit.multiplier());
                }
                readings.add(SampledValueReader.reading(SampledValueReader.OCPP201, meterValue.timestamp(),
                        value.stripTrailingZeros().toPlainString(), sv.context(), sv.measurand(), sv.phase(),
                        sv.location(), unit == null ? null : unit.unit(), deviations));
            }
        }
        return readings;
    }
}
