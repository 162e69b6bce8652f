package io.plughome.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.charger.ChargerEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestReadingsTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private static MeterReading at(Instant at) {
        return new MeterReading(at, MeterReading.ENERGY_REGISTER, null, null, null, "Wh", "1000");
    }

    private final NewestReadings newest = new NewestReadings();

    @Test
    void nothingKnownMeansLookUp() {
        assertFalse(newest.allNewer("CP1", 1, List.of(at(T))));
    }

    @Test
    void onlyReadingsStrictlyAfterTheNewestStoredSkipTheLookUp() {
        newest.stored("CP1", 1, List.of(at(T.minusSeconds(10)), at(T)));
        assertTrue(newest.allNewer("CP1", 1, List.of(at(T.plusSeconds(10)), at(T.plusSeconds(20)))));
        assertFalse(newest.allNewer("CP1", 1, List.of(at(T))), "the same time may be a copy");
        assertFalse(newest.allNewer("CP1", 1, List.of(at(T.plusSeconds(10)), at(T.minusSeconds(5)))),
                "one older reading in the message means a look-up");
        assertFalse(newest.allNewer("CP1", 2, List.of(at(T.plusSeconds(10)))), "another connector");
        assertFalse(newest.allNewer("CP2", 1, List.of(at(T.plusSeconds(10)))), "another charger");
        assertFalse(newest.allNewer("CP1", 1, List.of()));
    }

    @Test
    void anOlderBurstDoesNotMoveTheNewestBack() {
        newest.stored("CP1", 1, List.of(at(T)));
        newest.stored("CP1", 1, List.of(at(T.minusSeconds(3600))));
        assertFalse(newest.allNewer("CP1", 1, List.of(at(T.minusSeconds(1)))));
    }

    @Test
    void aNewConnectionForgetsTheCharger() {
        newest.stored("CP1", 1, List.of(at(T)));
        newest.stored("CP2", 1, List.of(at(T)));
        newest.connected(new ChargerEvents.Online("CP1", T, "ocpp1.6"));
        assertFalse(newest.allNewer("CP1", 1, List.of(at(T.plusSeconds(10)))));
        assertTrue(newest.allNewer("CP2", 1, List.of(at(T.plusSeconds(10)))));
    }
}
