package io.plughome.smart;

import io.plughome.control.Command.SetLimit.Purpose;
import io.plughome.control.RateUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How a limit is put to a charger as a charging profile: its purpose, whether it goes on
 * connector 0 or on each connector, its stack level and its unit. Chargers differ in what they
 * take; {@link #attempts} lists the documented fallbacks in the order they are tried.
 */
public record ProfileShape(Purpose purpose, boolean perConnector, int stackLevel, RateUnit unit) {

    /** The shape tried first: a ChargePointMaxProfile on connector 0, stack level 1, in the limit's unit. */
    public static ProfileShape preferred(RateUnit unit) {
        return new ProfileShape(Purpose.CHARGE_POINT_MAX, false, 1, unit);
    }

    /**
     * Every shape to try for a limit in {@code unit}, the one this charger accepted before (if
     * any) first, in the limit's unit and then in the unit it accepted: ChargePointMaxProfile at
     * stack level 1, then 0; TxDefaultProfile on connector 0 at 1, then 0; TxDefaultProfile on
     * each connector; then all of these in the other unit.
     */
    public static List<ProfileShape> attempts(RateUnit unit, ProfileShape remembered) {
        List<ProfileShape> shapes = new ArrayList<>();
        if (remembered != null) {
            shapes.add(remembered.in(unit));
            if (remembered.unit() != unit) {
                shapes.add(remembered);
            }
        }
        for (RateUnit u : unit == RateUnit.A ? List.of(RateUnit.A, RateUnit.W) : List.of(RateUnit.W, RateUnit.A)) {
            for (ProfileShape s : List.of(new ProfileShape(Purpose.CHARGE_POINT_MAX, false, 1, u),
                    new ProfileShape(Purpose.CHARGE_POINT_MAX, false, 0, u),
                    new ProfileShape(Purpose.TX_DEFAULT, false, 1, u),
                    new ProfileShape(Purpose.TX_DEFAULT, false, 0, u),
                    new ProfileShape(Purpose.TX_DEFAULT, true, 0, u))) {
                if (!shapes.contains(s)) {
                    shapes.add(s);
                }
            }
        }
        return shapes;
    }

    /** The same shape in another unit. */
    public ProfileShape in(RateUnit other) {
        return new ProfileShape(purpose, perConnector, stackLevel, other);
    }

    /** The OCPP purpose name, for people: ChargePointMaxProfile or TxDefaultProfile. */
    public String purposeName() {
        return purpose == Purpose.CHARGE_POINT_MAX ? "ChargePointMaxProfile" : "TxDefaultProfile";
    }

    /**
     * The value to send for a charger-wide limit: a ChargePointMaxProfile limits the whole charger,
     * a TxDefaultProfile each transaction, so the charger's limit is split among its connectors.
     */
    public double valueFor(Limit limit, int connectors, Electrical supply) {
        double value = limit.in(unit, supply).value();
        if (purpose == Purpose.TX_DEFAULT && connectors > 1) {
            value = unit == RateUnit.A ? LimitPolicy.floorTenth(value / connectors) : Math.floor(value / connectors);
        }
        return value;
    }

    @Override
    public String toString() {
        return purposeName() + (perConnector ? " on each connector" : " on connector 0") + ", stack level "
                + stackLevel + ", in " + unit;
    }
}
