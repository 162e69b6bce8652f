package io.plughome.charger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Chargers' shared secrets (OCPP security profiles 1 and 2, the HTTP Basic password), stored as
 * salted PBKDF2-HMAC-SHA256: people choose these, so unlike random API tokens they are stretched.
 * Format: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64).
 */
public final class SharedSecrets {

    /**
     * 16 to 40 characters, as OCPP's security profiles ask (1.6 security white paper, 2.0.1
     * BasicAuthPassword) and the README says. A secret set before with fewer keeps working: this
     * rule applies to new secrets only.
     */
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 40;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedSecrets() {
    }

    /** Why a secret cannot be used, or null when it can. */
    public static String problem(String secret) {
        if (secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            return "sharedSecret must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, as OCPP's security profiles ask";
        }
        if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "sharedSecret must be printable ASCII without spaces, as chargers' configuration screens take it";
        }
        return null;
    }

    public static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(secret, salt, ITERATIONS));
    }

    /** Whether the presented password is the secret that was hashed; constant time in the comparison. */
    public static boolean matches(String presented, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(presented, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** For callers that hold the password as bytes (HTTP Basic). */
    public static String text(byte[] password) {
        return new String(password, StandardCharsets.UTF_8);
    }

    /**
     * The forms in which a stored secret may have been presented as these Basic password bytes.
     * The password as text, and, for an {@code AuthorizationKey} set over OCPP (a hexadecimal
     * string, which the 1.6 security whitepaper has the charger decode to its password bytes),
     * the bytes in lower-case hexadecimal, and a hexadecimal password in lower case. Chargers
     * differ in whether they decode the key, so each form counts.
     */
    public static List<String> presentedForms(byte[] password) {
        String text = text(password);
        return List.copyOf(new java.util.LinkedHashSet<>(List.of(text, fromAuthorizationKey(text),
                HexFormat.of().formatHex(password))));
    }

    /**
     * How an {@code AuthorizationKey} value is kept: a hexadecimal key (an even number of hex
     * digits, as the whitepaper writes binary keys) in lower case, anything else as it is.
     */
    public static String fromAuthorizationKey(String value) {
        return value.length() % 2 == 0 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? value.toLowerCase(java.util.Locale.ROOT) : value;
    }
}
