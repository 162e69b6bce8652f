package io.plughome.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Chargers' shared secrets: salted, stretched, verified, and the rules for choosing one. */
class SharedSecretsTest {

    @Test
    void aHashVerifiesItsSecretOnlyAndIsSaltedEachTime() {
        String hash = SharedSecrets.hash("correct-horse-17");
        assertTrue(hash.startsWith("pbkdf2-sha256$"));
        assertFalse(hash.contains("correct-horse-17"));
        assertTrue(SharedSecrets.matches("correct-horse-17", hash));
        assertFalse(SharedSecrets.matches("correct-horse-18", hash));
        assertFalse(SharedSecrets.matches("", hash));
        assertNotEquals(hash, SharedSecrets.hash("correct-horse-17"));
        assertFalse(SharedSecrets.matches("correct-horse-17", "sha1$whatever"));
    }

    @Test
    void secretsMustBe8To40PrintableCharacters() {
        assertNull(SharedSecrets.problem("1234567890123456"));
        assertNotNull(SharedSecrets.problem("123456789012345"), "the README asks for 16 to 40");
        assertNotNull(SharedSecrets.problem("12345678"));
        assertNull(SharedSecrets.problem("x".repeat(40)));
        assertNotNull(SharedSecrets.problem("1234567"));
        assertNotNull(SharedSecrets.problem("x".repeat(41)));
        assertNotNull(SharedSecrets.problem("with spaces in it, long"));
        assertNotNull(SharedSecrets.problem("umlaut-äöü-secret-long"));
    }

    @Test
    void aChargerWithoutSecretAdmitsAnyoneAndOneWithASecretOnlyItsOwner() {
        Charger charger = new Charger("CP1", Registration.ACCEPTED, Instant.now());
        assertTrue(charger.admits((String) null));
        assertTrue(charger.admits("anything-at-all"));
        charger.sharedSecret("garage-secret-1");
        assertTrue(charger.hasSharedSecret());
        assertFalse(charger.admits((String) null));
        assertFalse(charger.admits("garage-secret-2"));
        assertTrue(charger.admits("garage-secret-1"));
        charger.sharedSecret(null);
        assertTrue(charger.admits((String) null));
        assertEquals(Registration.ACCEPTED, charger.registration());
    }

    @Test
    void anAuthorizationKeyInHexAdmitsTheChargerWhetherItDecodesTheKeyOrSendsItAsItIs() {
        Charger charger = new Charger("CP2", Registration.ACCEPTED, Instant.now());
        // "garage-wallbox-01" in hexadecimal, upper case as an owner might type it
        String key = SharedSecrets.fromAuthorizationKey("6761726167652D77616C6C626F782D3031");
        assertEquals("6761726167652d77616c6c626f782d3031", key);
        charger.sharedSecret(key);
        assertTrue(charger.admits("garage-wallbox-01"), "a charger that decodes the key, as the whitepaper says");
        assertTrue(charger.admits("6761726167652d77616c6c626f782d3031"), "a charger that uses it as it is");
        assertFalse(charger.admits("garage-wallbox-02"));
        assertFalse(charger.admits("6761726167652d77616c6c626f782d3032"));
        // binary key bytes that are not text still match their hexadecimal form
        charger.sharedSecret(SharedSecrets.fromAuthorizationKey("00ff10ee20dd30cc40bb50aa60997088"));
        assertTrue(charger.admits(java.util.HexFormat.of().parseHex("00ff10ee20dd30cc40bb50aa60997088")));
        // a plain key is kept as it is
        assertEquals("Plain-Key-2026", SharedSecrets.fromAuthorizationKey("Plain-Key-2026"));
    }

    @Test
    void aGeneratedSecretIsLongRandomAndStoredWithTheFastHash() {
        String a = SharedSecrets.generate();
        String b = SharedSecrets.generate();
        org.junit.jupiter.api.Assertions.assertEquals(SharedSecrets.GENERATED_LENGTH, a.length());
        org.junit.jupiter.api.Assertions.assertTrue(a.matches("[A-Za-z0-9]{32}"), a);
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
        org.junit.jupiter.api.Assertions.assertNull(SharedSecrets.problem(a), "within OCPP's rules");
        String stored = SharedSecrets.hashGenerated(a);
        org.junit.jupiter.api.Assertions.assertTrue(stored.startsWith("hmac-sha256$"), stored);
        org.junit.jupiter.api.Assertions.assertFalse(stored.contains(a));
        org.junit.jupiter.api.Assertions.assertNotEquals(stored, SharedSecrets.hashGenerated(a), "salted");
        org.junit.jupiter.api.Assertions.assertTrue(SharedSecrets.matches(a, stored));
        org.junit.jupiter.api.Assertions.assertFalse(SharedSecrets.matches(b, stored));
        org.junit.jupiter.api.Assertions.assertFalse(SharedSecrets.slow(stored));
        org.junit.jupiter.api.Assertions.assertFalse(SharedSecrets.weakerThanToday(stored));
    }

    @Test
    void aChosenSecretKeepsTheSlowHashAndAnOlderStrengthIsKnown() {
        String stored = SharedSecrets.hash("correct-horse-battery");
        org.junit.jupiter.api.Assertions.assertTrue(SharedSecrets.slow(stored));
        org.junit.jupiter.api.Assertions.assertFalse(SharedSecrets.weakerThanToday(stored));
        String older = SharedSecrets.hash("correct-horse-battery", 1_000);
        org.junit.jupiter.api.Assertions.assertTrue(SharedSecrets.matches("correct-horse-battery", older));
        org.junit.jupiter.api.Assertions.assertTrue(SharedSecrets.weakerThanToday(older));
    }
}
