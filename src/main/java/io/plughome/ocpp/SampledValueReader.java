package io.plughome.ocpp;

import io.plughome.session.MeterReading;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The tolerant reader for one sampled value, the same for every OCPP version: fills the
 * specification's defaults (measurand Energy.Active.Import.Register, unit Wh for energy), corrects
 * known misspellings ("Celcius", "kwh") and keeps values with unknown units or measurands,
 * counting each deviation. A reading is never dropped for its spelling, and every string is cut
 * to its column, counted.
 */
public final class SampledValueReader {

    /** The units and measurands one OCPP version defines. */
    public record Vocabulary(Set<String> units, Set<String> measurands) {
    }

    private static final Set<String> UNITS_16 = Set.of("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var",
            "kvar", "A", "V", "K", "Celsius", "Fahrenheit", "Percent");
    private static final Set<String> MEASURANDS_16 = Set.of("Energy.Active.Export.Register",
            "Energy.Active.Import.Register", "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
            "Energy.Active.Export.Interval", "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval",
            "Energy.Reactive.Import.Interval", "Power.Active.Export", "Power.Active.Import", "Power.Offered",
            "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor", "Current.Import", "Current.Export",
            "Current.Offered", "Voltage", "Frequency", "Temperature", "SoC", "RPM");

    /** OCPP 1.6 (part 2, 7.31 Measurand, 7.46 UnitOfMeasure). */
    public static final Vocabulary OCPP16 = new Vocabulary(UNITS_16, MEASURANDS_16);

    /** OCPP 2.0.1 adds units (Hz, kVAh, ...) and measurands (net and apparent energy) and drops RPM. */
    public static final Vocabulary OCPP201 = new Vocabulary(
            union(UNITS_16, Set.of("VAh", "kVAh", "Hz", "ASU", "B", "dB", "dBm", "Deg", "Lx", "m", "ms2", "N",
                    "Ohm", "kPa", "RH", "RPM", "s")),
            union(MEASURANDS_16, Set.of("Energy.Active.Net", "Energy.Reactive.Net", "Energy.Apparent.Net",
                    "Energy.Apparent.Import", "Energy.Apparent.Export", "Current.Offered", "Power.Offered")));

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static final Map<String, String> UNIT_SPELLINGS = Map.of("Celcius", "Celsius", "%", "Percent");

    public static final Set<String> UNITS = UNITS_16;
    public static final Set<String> MEASURANDS = MEASURANDS_16;
    public static final Set<String> CONTEXTS = Set.of("Interruption.Begin", "Interruption.End", "Sample.Clock",
            "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger", "Other");
    public static final Set<String> PHASES = Set.of("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3",
            "L3-L1");
    public static final Set<String> LOCATIONS = Set.of("Cable", "EV", "Inlet", "Outlet", "Body");

    private SampledValueReader() {
    }

    /** One sampled value as a reading, each field corrected, defaulted and fitted as it needs. */
    public static MeterReading reading(Vocabulary vocabulary, Instant at, String value, String context,
            String measurand, String phase, String location, String unit, Deviations deviations) {
        String m = measurand == null ? MeterReading.ENERGY_REGISTER
                : deviations.fit(known(measurand, vocabulary.measurands(), Deviations.UNKNOWN_MEASURAND, deviations),
                        MeterReading.MEASURAND_MAX, "measurand");
        return new MeterReading(at, m,
                deviations.fit(known(phase, PHASES, Deviations.UNKNOWN_VALUE, deviations), MeterReading.PHASE_MAX,
                        "phase"),
                deviations.fit(known(location, LOCATIONS, Deviations.UNKNOWN_VALUE, deviations),
                        MeterReading.LOCATION_MAX, "location"),
                deviations.fit(known(context, CONTEXTS, Deviations.UNKNOWN_VALUE, deviations),
                        MeterReading.CONTEXT_MAX, "context"),
                deviations.fit(unit(unit, m, vocabulary.units(), deviations), MeterReading.UNIT_MAX, "unit"),
                value(value, deviations));
    }

    /**
     * The value as sent if it fits its column; a longer number is kept as the same number in
     * fewer characters (trailing zeros dropped, or rounded to the 17 significant digits a double
     * holds); anything else is cut. Either is counted.
     */
    public static String value(String value, Deviations deviations) {
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

    public static String unit(String unit, String measurand, Set<String> units, Deviations deviations) {
        if (unit == null) {
            return measurand.startsWith("Energy.Active") ? "Wh" : null;
        }
        if (units.contains(unit)) {
            return unit;
        }
        String corrected = UNIT_SPELLINGS.get(unit);
        if (corrected == null) {
            corrected = units.stream().filter(u -> u.equalsIgnoreCase(unit)).findFirst().orElse(null);
        }
        if (corrected != null) {
            deviations.add(Deviations.UNIT_SPELLING, unit);
            return corrected;
        }
        deviations.add(Deviations.UNKNOWN_UNIT, unit);
        return unit;
    }

    /** The value in the specification's spelling; an unknown one is kept as sent and counted. */
    public static String known(String value, Set<String> allowed, String deviationKind, Deviations deviations) {
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
