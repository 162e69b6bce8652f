package io.plughome.session;

import java.time.Instant;

/**
 * One sampled value as a charger reported it. {@code measurand} and {@code unit} use the OCPP
 * names (which 1.6 and 2.0.1 share), already corrected by the adapter's tolerant reader;
 * {@code rawValue} is kept verbatim.
 */
public record MeterReading(Instant at, String measurand, String phase, String location, String context,
        String unit, String rawValue) {

    /** The widths of the meter_sample columns these go to; adapters fit values to them. */
    public static final int MEASURAND_MAX = 60;
    public static final int PHASE_MAX = 10;
    public static final int LOCATION_MAX = 20;
    public static final int CONTEXT_MAX = 30;
    public static final int UNIT_MAX = 20;
    public static final int RAW_VALUE_MAX = 100;

    /** Refuses what the columns cannot hold: the adapter fits values first, so this is a bug guard. */
    public MeterReading {
        fits(measurand, MEASURAND_MAX, "measurand");
        fits(phase, PHASE_MAX, "phase");
        fits(location, LOCATION_MAX, "location");
        fits(context, CONTEXT_MAX, "context");
        fits(unit, UNIT_MAX, "unit");
        fits(rawValue, RAW_VALUE_MAX, "value");
    }

    private static void fits(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " longer than " + max + " characters");
        }
    }

    public static final String ENERGY_REGISTER = "Energy.Active.Import.Register";
    public static final String POWER = "Power.Active.Import";
    public static final String CURRENT = "Current.Import";
    public static final String SOC = "SoC";

    /** The value in the base unit of its measurand (Wh, W, A, V, var, VA, %), or null when not numeric. */
    public Double baseValue() {
        double value;
        try {
            value = Double.parseDouble(rawValue.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
        if (!Double.isFinite(value)) {
            return null;
        }
        return Units.toBase(value, unit);
    }

    public boolean is(String name) {
        return name.equals(measurand);
    }

    public boolean hasPhase() {
        return phase != null && !phase.isEmpty();
    }
}
