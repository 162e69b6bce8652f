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
 * Chargers' shared secrets (OCPP security profiles 1 and 2, the HTTP Basic password), in two
 * stored forms:
 * <ul>
 * <li>a secret a person chose: salted PBKDF2-HMAC-SHA256, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (Base64). People choose guessable secrets, so each guess against a leaked hash is made slow;</li>
 * <li>a secret PlugHome generated ({@link #generate}, 32 characters drawn from 62, about 190 bits):
 * HMAC-SHA256 keyed with a random salt, {@code hmac-sha256$<salt>$<mac>}. Its strength is its
 * entropy: a leaked hash leaves 2^189 guesses on average whatever each costs, so stretching adds
 * nothing and a login costs microseconds instead of PBKDF2's tens of milliseconds (a reconnect
 * storm of thousands of chargers). Which form a stored hash has is in its first field.</li>
 * </ul>
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
    private static final String GENERATED_SCHEME = "hmac-sha256";
    static final int ITERATIONS = 120_000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Length of a generated secret: 32 of 62 characters, log2(62^32) = 190.5 bits, within OCPP's 16 to 40. */
    public static final int GENERATED_LENGTH = 32;
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

    /** A new secret for a charger: letters and digits only, so any charger's settings screen takes it. */
    public static String generate() {
        StringBuilder secret = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** The stored form of a secret from {@link #generate}: fast, keyed with a random salt. */
    public static String hashGenerated(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return GENERATED_SCHEME + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(mac(secret, salt));
    }

    /** Whether checking a presented password against this stored hash costs a PBKDF2 derivation. */
    public static boolean slow(String stored) {
        return stored.startsWith(SCHEME + "$");
    }

    /**
     * Whether this stored hash is of an older strength than {@link #hash} makes today (fewer PBKDF2
     * rounds): after the next good login it is stored again from the password then presented.
     */
    public static boolean weakerThanToday(String stored) {
        String[] parts = stored.split("\\$");
        try {
            return parts.length == 4 && parts[0].equals(SCHEME) && Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] mac(String secret, byte[] salt) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static String hash(String secret) {
        return hash(secret, ITERATIONS);
    }

    static String hash(String secret, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(secret, salt, iterations));
    }

    /** Whether the presented password is the secret that was hashed; constant time in the comparison. */
    public static boolean matches(String presented, String stored) {
        String[] parts = stored.split("\\$");
        Base64.Decoder b64 = Base64.getDecoder();
        if (parts.length == 3 && parts[0].equals(GENERATED_SCHEME)) {
            return MessageDigest.isEqual(b64.decode(parts[2]), mac(presented, b64.decode(parts[1])));
        }
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
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
