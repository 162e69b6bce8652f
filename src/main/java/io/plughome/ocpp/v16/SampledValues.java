package io.plughome.ocpp.v16;

import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.SampledValueReader;
import io.plughome.session.MeterReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 1.6 meter values as readings, through the tolerant reader every version shares
 * ({@link SampledValueReader}): a reading is never dropped for its spelling.
 */
final class SampledValues {

    static final Set<String> UNITS = SampledValueReader.UNITS;
    static final Set<String> MEASURANDS = SampledValueReader.MEASURANDS;

    private SampledValues() {
    }

    static List<MeterReading> toReadings(List<Types.MeterValue> meterValues, Deviations deviations) {
        List<MeterReading> readings = new ArrayList<>();
        if (meterValues == null) {
            return readings;
        }
        for (Types.MeterValue meterValue : meterValues) {
            for (Types.SampledValue sv : meterValue.sampledValue()) {
                readings.add(SampledValueReader.reading(SampledValueReader.OCPP16, meterValue.timestamp(), sv.value(), sv.context(),
                        sv.measurand(), sv.phase(), sv.location(), sv.unit(), deviations));
            }
        }
        return readings;
    }

    static String value(String value, Deviations deviations) {
        return SampledValueReader.value(value, deviations);
    }

    static String unit(String unit, String measurand, Deviations deviations) {
        return SampledValueReader.unit(unit, measurand, UNITS, deviations);
    }

    static String known(String value, Set<String> allowed, String deviationKind, Deviations deviations) {
        return SampledValueReader.known(value, allowed, deviationKind, deviations);
    }
}
