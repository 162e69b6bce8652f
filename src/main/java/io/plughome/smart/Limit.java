package io.plughome.smart;

import io.plughome.control.RateUnit;

/** A ceiling on a charger's charging rate: amperes per phase, or watts. */
public record Limit(double value, RateUnit unit) {

    public Limit {
        if (unit == null || Double.isNaN(value) || value < 0) {
            throw new IllegalArgumentException("A limit is a unit and a value of 0 or more");
        }
    }

    public static Limit amps(double value) {
        return new Limit(value, RateUnit.A);
    }

    public static Limit watts(double value) {
        return new Limit(value, RateUnit.W);
    }

    /** The same ceiling in amperes per phase. */
    public double amps(Electrical supply) {
        return unit == RateUnit.A ? value : supply.amps(value);
    }

    /** This limit in the other unit, converted with the supply's voltage and phases. */
    public Limit in(RateUnit other, Electrical supply) {
        if (other == unit) {
            return this;
        }
        return other == RateUnit.A ? amps(supply.amps(value)) : watts(supply.watts(value));
    }

    public boolean isZero() {
        return value == 0;
    }
}
