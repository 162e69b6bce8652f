package io.plughome.session;

/** Unit conversion to the base units the domain stores: energy in Wh, power in W. */
public final class Units {

    private Units() {
    }

    /** Converts a value in {@code unit} (an OCPP unit name, null for the measurand's default) to the base unit. */
    public static double toBase(double value, String unit) {
        if (unit == null) {
            return value;
        }
        return switch (unit) {
            case "kWh", "kW", "kvarh", "kvar", "kVA" -> value * 1000.0;
            default -> value;
        };
    }

    /** Whole watt-hours, rounded half up. */
    public static long wattHours(double wh) {
        return Math.round(wh);
    }
}
