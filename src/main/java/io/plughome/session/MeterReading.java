package io.plughome.session;

import java.time.Instant;

/**
 * One sampled value as a charger reported it. {@code measurand} and {@code unit} use the OCPP
 * names (which 1.6 and 2.0.1 share), already corrected by the adapter's tolerant reader;
 * {@code rawValue} is kept verbatim.
 */
public record MeterReading(Instant at, String measurand, String phase, String location, String context,
        String unit, String rawValue) {

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
