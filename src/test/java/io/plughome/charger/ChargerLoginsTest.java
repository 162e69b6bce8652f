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
        return TestLogins.of(clock, chargerId -> {
            lookups.incrementAndGet();
            return chargerId.startsWith("open") ? Optional.empty() : Optional.of(HASH);
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChargerWithoutSecretIsAdmittedAndARightPasswordToo() {
        ChargerLogins logins = logins();
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("open-1", "10.0.0.1", null).outcome());
        assertEquals(false, logins.login("open-1", "10.0.0.1", bytes(SECRET)).authenticated(),
                "credentials for a charger without a secret vouch for nothing");
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "10.0.0.1", null).outcome());
        ChargerLogins.Result right = logins.login("CP1", "10.0.0.1", bytes(SECRET));
        assertEquals(ChargerLogins.Outcome.ADMITTED, right.outcome());
        assertEquals(true, right.authenticated());
        assertEquals(true, logins.login("CP1", "10.0.0.1", bytes(SECRET)).authenticated(), "from the cache too");
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
        // the guesses never lock the charger out: its right password from its own address is checked and admitted
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "10.0.0.10", bytes(SECRET)).outcome());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "10.0.0.9", bytes("guess-y")).outcome());
        assertEquals(Duration.ofSeconds(2), logins.login("CP1", "10.0.0.9", bytes("guess-z")).retryAfter());
        clock.advance(ChargerLogins.FORGET_AFTER.plusSeconds(1));
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "10.0.0.10", bytes(SECRET)).outcome());
    }

    @Test
    void guessesForAnIdNeverLockOutItsChargerNotEvenAfterARestart() {
        ChargerLogins fresh = logins(); // as after a restart: nothing cached, nothing known
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i <= ChargerLogins.FREE_FAILURES + 2; i++) {
                fresh.login("CP1", "192.168.1." + (100 + round), bytes("guess-" + i));
            }
        }
        assertEquals(ChargerLogins.Outcome.THROTTLED, fresh.login("CP1", "192.168.1.100", bytes(SECRET)).outcome(),
                "the guessing address waits, whatever it sends");
        assertEquals(ChargerLogins.Outcome.ADMITTED, fresh.login("CP1", "192.168.1.20", bytes(SECRET)).outcome(),
                "the charger's first login after the restart, from its own address");
        assertEquals(ChargerLogins.Outcome.REFUSED, fresh.login("CP1", "192.168.1.21", bytes("guess-q")).outcome(),
                "a wrong password from a fresh address is still only refused");
    }

    @Test
    void aChargerBehindTheGuessersNatStillGetsInWithItsPassword() {
        ChargerLogins logins = logins();
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("CP1", "203.0.113.5", bytes(SECRET)).outcome());
        for (int i = 0; i <= ChargerLogins.FREE_FAILURES + 2; i++) {
            logins.login("CP2", "203.0.113.5", bytes("guess-" + i)); // someone else behind the same router
        }
        assertEquals(ChargerLogins.Outcome.THROTTLED, logins.login("CP3", "203.0.113.5", bytes(SECRET)).outcome(),
                "the shared address is slowed down for ids that never logged in from it");
        String rotated = SharedSecrets.hash("rotated-secret-0001");
        logins.chargers = new ChargerService() { // the owner rotated CP1's password: its cached login is void
            @Override
            public Optional<String> secretHash(String chargerId) {
                return Optional.of(chargerId.equals("CP1") ? rotated : HASH);
            }
        };
        long checks = logins.pbkdf2Checks();
        ChargerLogins.Result changed = logins.login("CP1", "203.0.113.5", bytes("rotated-secret-0001"));
        assertEquals(ChargerLogins.Outcome.ADMITTED, changed.outcome(), "its known-good address: the password decides");
        assertTrue(logins.pbkdf2Checks() > checks, "checked, not admitted from the cache");
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("CP1", "203.0.113.5", bytes("guess-x")).outcome(),
                "and a wrong one is refused, never admitted");
    }

    @Test
    void backOffDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(1), ChargerLogins.backoff(ChargerLogins.FREE_FAILURES + 1));
        assertEquals(Duration.ofSeconds(2), ChargerLogins.backoff(ChargerLogins.FREE_FAILURES + 2));
        assertEquals(Duration.ofSeconds(256), ChargerLogins.backoff(ChargerLogins.FREE_FAILURES + 9));
        assertEquals(ChargerLogins.MAX_BACKOFF, ChargerLogins.backoff(1000));
    }

    @Test
    void aGeneratedSecretCostsNoPbkdf2() {
        String secret = SharedSecrets.generate();
        String stored = SharedSecrets.hashGenerated(secret);
        ChargerLogins logins = TestLogins.of(clock, id -> Optional.of(stored));
        for (int i = 0; i < 3; i++) {
            assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("GEN-" + i, "10.0.0.1", bytes(secret)).outcome());
        }
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("GEN-9", "10.0.0.1", bytes("not-the-secret-1")).outcome());
        assertEquals(0, logins.pbkdf2Checks());
    }

    @Test
    void aSecretStoredAtAnOlderStrengthIsStoredAgainAtTheNextGoodLogin() {
        String older = SharedSecrets.hash(SECRET, 1_000);
        java.util.List<String> rehashed = new java.util.ArrayList<>();
        ChargerLogins logins = TestLogins.of(clock, new ChargerService() {
            @Override
            public Optional<String> secretHash(String chargerId) {
                return Optional.of(rehashed.isEmpty() ? older : rehashed.get(0));
            }

            @Override
            public void rehashSecret(String chargerId, String before, String stronger) {
                assertEquals(older, before);
                rehashed.add(stronger);
            }
        });
        assertEquals(ChargerLogins.Outcome.REFUSED, logins.login("OLD", "10.0.0.1", bytes("a-wrong-password")).outcome());
        assertTrue(rehashed.isEmpty(), "a wrong password changes nothing");
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("OLD", "10.0.0.1", bytes(SECRET)).outcome());
        assertEquals(1, rehashed.size());
        assertTrue(SharedSecrets.matches(SECRET, rehashed.get(0)));
        assertTrue(!SharedSecrets.weakerThanToday(rehashed.get(0)));
        assertEquals(ChargerLogins.Outcome.ADMITTED, logins.login("OLD", "10.0.0.1", bytes(SECRET)).outcome());
        assertEquals(1, rehashed.size(), "once");
    }
}
