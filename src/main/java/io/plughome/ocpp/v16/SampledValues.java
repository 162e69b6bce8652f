package io.plughome.ocpp.v16;

import io.plughome.ocpp.Deviations;
import io.plughome.session.MeterReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 1.6 tolerant reader for meter values: fills the specification's defaults (measurand
 * Energy.Active.Import.Register, unit Wh for energy), corrects known misspellings ("Celcius",
 * "kwh") and keeps values with unknown units or measurands, counting each deviation. A reading
 * is never dropped for its spelling.
 */
final class SampledValues {

    static final Set<String> UNITS = Set.of("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A",
            "V", "K", "Celsius", "Fahrenheit", "Percent");
    static final Map<String, String> UNIT_SPELLINGS = Map.of("Celcius", "Celsius", "%", "Percent");
    static final Set<String> MEASURANDS = Set.of("Energy.Active.Export.Register", "Energy.Active.Import.Register",
            "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register", "Energy.Active.Export.Interval",
            "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval",
            "Power.Active.Export", "Power.Active.Import", "Power.Offered", "Power.Reactive.Export",
            "Power.Reactive.Import", "Power.Factor", "Current.Import", "Current.Export", "Current.Offered", "Voltage",
            "Frequency", "Temperature", "SoC", "RPM");
    static final Set<String> CONTEXTS = Set.of("Interruption.Begin", "Interruption.End", "Sample.Clock",
            "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger", "Other");
    static final Set<String> PHASES = Set.of("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1");
    static final Set<String> LOCATIONS = Set.of("Cable", "EV", "Inlet", "Outlet", "Body");

    private SampledValues() {
    }

    static List<MeterReading> toReadings(List<Types.MeterValue> meterValues, Deviations deviations) {
        List<MeterReading> readings = new ArrayList<>();
        if (meterValues == null) {
            return readings;
        }
        for (Types.MeterValue meterValue : meterValues) {
            for (Types.SampledValue sv : meterValue.sampledValue()) {
                String measurand = sv.measurand() == null ? MeterReading.ENERGY_REGISTER
                        : deviations.fit(known(sv.measurand(), MEASURANDS, Deviations.UNKNOWN_MEASURAND, deviations),
                                MeterReading.MEASURAND_MAX, "measurand");
                readings.add(new MeterReading(meterValue.timestamp(), measurand,
                        deviations.fit(known(sv.phase(), PHASES, Deviations.UNKNOWN_VALUE, deviations),
                                MeterReading.PHASE_MAX, "phase"),
                        deviations.fit(known(sv.location(), LOCATIONS, Deviations.UNKNOWN_VALUE, deviations),
                                MeterReading.LOCATION_MAX, "location"),
                        deviations.fit(known(sv.context(), CONTEXTS, Deviations.UNKNOWN_VALUE, deviations),
                                MeterReading.CONTEXT_MAX, "context"),
                        deviations.fit(unit(sv.unit(), measurand, deviations), MeterReading.UNIT_MAX, "unit"),
                        value(sv.value(), deviations)));
            }
        }
        return readings;
    }

    /**
     * The value as sent if it fits its column; a longer number is kept as the same number in
     * fewer characters (trailing zeros dropped, or rounded to the 17 significant digits a double
     * holds); anything else is cut. Either is counted.
     */
    static String value(String value, Deviations deviations) {
        if (value.length() <= MeterReading.RAW_VALUE_MAX) {
            return value;
        }
        try {
            if (value.length() > 1000) {
                throw new NumberFormatException("too long to be worth reading as a number");
            }
            java.math.BigDecimal number = new java.math.BigDecimal(value.trim());
            String shorter = number.stripTrailingZeros().toString();
            if (shorter.length() > MeterReading.RAW_VALUE_MAX) {
                shorter = number.round(new java.math.MathContext(17)).stripTrailingZeros().toString();
            }
            if (shorter.length() <= MeterReading.RAW_VALUE_MAX) {
                deviations.add(Deviations.STRING_TRUNCATED, "value=" + value);
                return shorter;
            }
        } catch (NumberFormatException notANumber) {
            // cut below
        }
        return deviations.fit(value, MeterReading.RAW_VALUE_MAX, "value");
    }

    static String unit(String unit, String measurand, Deviations deviations) {
        if (unit == null) {
            return measurand.startsWith("Energy.Active") ? "Wh" : null;
        }
        if (UNITS.contains(unit)) {
            return unit;
        }
        String corrected = UNIT_SPELLINGS.get(unit);
        if (corrected == null) {
            corrected = UNITS.stream().filter(u -> u.equalsIgnoreCase(unit)).findFirst().orElse(null);
        }
        if (corrected != null) {
            deviations.add(Deviations.UNIT_SPELLING, unit);
            return corrected;
        }
        deviations.add(Deviations.UNKNOWN_UNIT, unit);
        return unit;
    }

    /** The value in the specification's spelling; an unknown one is kept as sent and counted. */
    static String known(String value, Set<String> allowed, String deviationKind, Deviations deviations) {
        if (value == null || allowed.contains(value)) {
            return value;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                deviations.add(Deviations.ENUM_CASE, value);
                return candidate;
            }
        }
        deviations.add(deviationKind, value);
        return value;
    }
}
