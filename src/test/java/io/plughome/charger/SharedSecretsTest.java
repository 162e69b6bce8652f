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
        assertNull(SharedSecrets.problem("12345678"));
        assertNull(SharedSecrets.problem("x".repeat(40)));
        assertNotNull(SharedSecrets.problem("1234567"));
        assertNotNull(SharedSecrets.problem("x".repeat(41)));
        assertNotNull(SharedSecrets.problem("with space in it"));
        assertNotNull(SharedSecrets.problem("umlaut-äöü-secret"));
    }

    @Test
    void aChargerWithoutSecretAdmitsAnyoneAndOneWithASecretOnlyItsOwner() {
        Charger charger = new Charger("CP1", Registration.ACCEPTED, Instant.now());
        assertTrue(charger.admits(null));
        assertTrue(charger.admits("anything-at-all"));
        charger.sharedSecret("garage-secret-1");
        assertTrue(charger.hasSharedSecret());
        assertFalse(charger.admits(null));
        assertFalse(charger.admits("garage-secret-2"));
        assertTrue(charger.admits("garage-secret-1"));
        charger.sharedSecret(null);
        assertTrue(charger.admits(null));
        assertEquals(Registration.ACCEPTED, charger.registration());
    }
}
