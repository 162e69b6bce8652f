package io.plughome.smart;

/**
 * The supply, for converting between amperes and watts: the phase voltage and the number of
 * phases assumed ({@code PLUGHOME_SITE_VOLTAGE}, {@code PLUGHOME_SITE_PHASES}). Converting watts
 * to amperes with more phases than a charger really uses gives fewer amperes, never more, so
 * three phases is the safe assumption.
 */
public record Electrical(double voltage, int phases) {

    public Electrical {
        if (voltage <= 0 || phases < 1 || phases > 3) {
            throw new IllegalArgumentException("Voltage must be positive and phases 1 to 3");
        }
    }

    /** Watts as amperes per phase, rounded down to 0.1 A. */
    public double amps(double watts) {
        return LimitPolicy.floorTenth(watts / (voltage * phases));
    }

    /** Amperes per phase as watts, rounded down to a whole watt. */
    public double watts(double amps) {
        return Math.floor(amps * voltage * phases);
    }
}
