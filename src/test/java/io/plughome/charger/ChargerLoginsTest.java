package io.plughome.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import io.plughome.testsupport.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChargerLoginsTest {

    private static final String SECRET = "correct-horse-battery";
    private static final String HASH = SharedSecrets.hash(SECRET);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final AtomicInteger lookups = new AtomicInteger();

    private ChargerLogins logins() {
        ChargerLogins logins = new ChargerLogins();
        logins.chargers = new ChargerService() {
            @Override
            public Optional<String> secretHash(String chargerId) {
                lookups.incrementAndGet();
                return chargerId.startsWith("open") ? Optional.empty() : Optional.of(HASH);
            }
        };
        logins.clock = clock;
        logins.concurrentChecks = 1;
        logins.init();
        return logins;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChargerWithoutSecretIsAdmittedAndARightPasswordToo() {
        ChargerLogins logins = logins();
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("open-1", "10.0.0.1", null).outcome());
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "10.0.0.1", null).outcome());
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "10.0.0.1", bytes(SECRET)).outcome());
    }

    @Test
    void aRepeatedCorrectLoginCostsNoPbkdf2AndTheMatchingFormIsTriedFirst() {
        ChargerLogins logins = logins();
        String hexKey = "00ff10ab00ff10ab00ff10ab";
        ChargerLogins hexLogins = logins();
        // a charger whose password is the AuthorizationKey's bytes: matched in the third form at first
        String stored = SharedSecrets.hash(hexKey);
        hexLogins.chargers = new ChargerService() {
            @Override
            public Optional<String> secretHash(String chargerId) {
                return Optional.of(stored);
            }
        };
        byte[] decoded = java.util.HexFormat.of().parseHex(hexKey);
        assertEquals(ChargerLogins.Outcome.ADMITTED, hexLogins.login("HEX", "10.0.0.1", decoded).outcome());
        long firstLogin = hexLogins.pbkdf2Checks();
        assertTrue(firstLogin >= 2, "the text form was tried first: " + firstLogin);

        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "10.0.0.1", bytes(SECRET)).outcome());
        long checks = logins.pbkdf2Checks();
        for (int i = 0; i < 100; i++) {
            assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "10.0.0.1", bytes(SECRET)).outcome());
        }
        assertEquals(checks, logins.pbkdf2Checks(), "repeated correct logins are admitted by the cached login");
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "10.0.0.1", bytes("other-password")).outcome());
        assertTrue(logins.pbkdf2Checks() > checks, "a different password is checked");
    }

    @Test
    void wrongPasswordsAreRefusedThenThrottledWithAGrowingBackOff() {
        ChargerLogins logins = logins();
        for (int i = 1; i <= ChargerLogins.FREE_FAILURES + 1; i++) {
            assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "10.0.0.9", bytes("guess-" + i))
                    .outcome());
        }
        ChargerLogins.Result throttled = logins.login("CP1", "10.0.0.9", bytes("guess-x"));
        assertEquals(ChargerLogins.Outcome.THROTTLED, throttled.outcome());
        assertEquals(Duration.ofSeconds(1), throttled.retryAfter());
        // another address guessing the same charger id is throttled too (per id), the right password as well
        assertEquals(ChargerLogins.Outcome.THROTTLED, logins.login("CP1", "10.0.0.10", bytes(SECRET)).outcome());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "10.0.0.9", bytes("guess-y")).outcome());
        assertEquals(Duration.ofSeconds(2), logins.login("CP1", "10.0.0.9", bytes("guess-z")).retryAfter());
        clock.advance(ChargerLogins.FORGET_AFTER.plusSeconds(1));
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "10.0.0.10", bytes(SECRET)).outcome());
    }

    @Test
    void backOffDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(1), ChargerLogins.backoff(ChargerLogins.FREE_FAILURES + 1));
        assertEquals(Duration.ofSeconds(2), ChargerLogins.backoff(ChargerLogins.FREE_FAILURES + 2));
        assertEquals(Duration.ofSeconds(256), ChargerLogins.backoff(ChargerLogins.FREE_FAILURES + 9));
        assertEquals(ChargerLogins.MAX_BACKOFF, ChargerLogins.backoff(1000));
    }
}
