package io.plughome.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plughome.control.Command.SetLimit.Purpose;
import io.plughome.control.RateUnit;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileShapeTest {

    private static final Electrical SUPPLY = new Electrical(230, 3);

    @Test
    void theDocumentedFallbacksComeInOrderThenTheOtherUnit() {
        List<ProfileShape> shapes = ProfileShape.attempts(RateUnit.A, null);
        assertEquals(10, shapes.size());
        assertEquals(10, new HashSet<>(shapes).size(), "no shape twice");
        assertEquals(new ProfileShape(Purpose.CHARGE_POINT_MAX, false, 1, RateUnit.A), shapes.get(0));
        assertEquals(new ProfileShape(Purpose.CHARGE_POINT_MAX, false, 0, RateUnit.A), shapes.get(1));
        assertEquals(new ProfileShape(Purpose.TX_DEFAULT, false, 1, RateUnit.A), shapes.get(2));
        assertEquals(new ProfileShape(Purpose.TX_DEFAULT, false, 0, RateUnit.A), shapes.get(3));
        assertEquals(new ProfileShape(Purpose.TX_DEFAULT, true, 0, RateUnit.A), shapes.get(4));
        assertEquals(new ProfileShape(Purpose.CHARGE_POINT_MAX, false, 1, RateUnit.W), shapes.get(5));
    }

    @Test
    void theShapeThatWorkedIsTriedFirstInTheLimitsUnitThenInItsOwn() {
        ProfileShape worked = new ProfileShape(Purpose.TX_DEFAULT, false, 0, RateUnit.W);
        List<ProfileShape> shapes = ProfileShape.attempts(RateUnit.A, worked);
        assertEquals(worked.in(RateUnit.A), shapes.get(0));
        assertEquals(worked, shapes.get(1));
        assertEquals(10, shapes.size());
        assertEquals(worked, ProfileShape.attempts(RateUnit.W, worked).get(0));
        assertEquals(10, ProfileShape.attempts(RateUnit.W, worked).size());
    }

    @Test
    void aTxDefaultProfileCarriesEachConnectorsPart() {
        ProfileShape chargerWide = ProfileShape.preferred(RateUnit.A);
        ProfileShape perTransaction = new ProfileShape(Purpose.TX_DEFAULT, false, 0, RateUnit.A);
        assertEquals(32.0, chargerWide.valueFor(Limit.amps(32), 2, SUPPLY));
        assertEquals(16.0, perTransaction.valueFor(Limit.amps(32), 2, SUPPLY));
        assertEquals(11040.0, chargerWide.in(RateUnit.W).valueFor(Limit.amps(16), 1, SUPPLY), "16 A x 230 V x 3");
        assertEquals(10.7, chargerWide.valueFor(Limit.watts(7400), 1, SUPPLY), "7400 W / 690 V, down to 0.1 A");
    }
}
