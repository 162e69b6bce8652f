package io.plughome.automation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a charger id appears on MQTT and in Home Assistant. A charger id may hold anything PRODUCT.md
 * admits (accents, spaces, emoji, {@code +} and {@code #}, up to 255 characters), but an MQTT topic
 * level must not hold the wildcards, Home Assistant's node and object ids take only
 * {@code [a-zA-Z0-9_-]}, and an entity id only lower-case letters, digits and single underscores.
 *
 * <p>An id that is already plain ({@code [A-Za-z0-9_-]}, at most 64 characters) is used as it is,
 * so existing topics and unique ids stay what they were. Any other id becomes a readable slug
 * (accents dropped, everything else '_', at most 40 characters) followed by {@code _x} and ten hex
 * digits of the SHA-256 of the id: stable across restarts, and unique, because a plain id that
 * happens to end like that is given the hashed form too, so no plain id can take another's name.
 */
public final class MqttNames {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HASHED = Pattern.compile(".*_x[0-9a-f]{10}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final int SLUG_MAX = 40;

    private MqttNames() {
    }

    /** The charger's topic level under the prefix, and the core of its Home Assistant ids. */
    public static String segment(String chargerId) {
        if (PLAIN.matcher(chargerId).matches() && !HASHED.matcher(chargerId).matches()) {
            return chargerId;
        }
        String slug = NOT_NAME.matcher(MARKS.matcher(Normalizer.normalize(chargerId, Normalizer.Form.NFD))
                .replaceAll("")).replaceAll("_");
        slug = trimUnderscores(slug.length() > SLUG_MAX ? slug.substring(0, SLUG_MAX) : slug);
        return (slug.isEmpty() ? "charger" : slug) + "_x" + hash(chargerId);
    }

    /** The Home Assistant node id (the device's identifier and the discovery topic's node level). */
    public static String node(String chargerId) {
        return "plughome_" + segment(chargerId);
    }

    /** What earlier builds used as the node (non-ASCII squashed, so two ids could share it). */
    static String legacyNode(String chargerId) {
        return "plughome_" + chargerId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * The entity id Home Assistant is asked to give an entity ({@code default_entity_id}): the
     * component, a dot, and the node and key in lower case with single underscores. Two chargers
     * may ask for the same one ("CP-1" and "cp_1"); Home Assistant then numbers the second, while
     * their unique ids stay apart.
     */
    public static String entityId(String component, String node, String key) {
        String object = (node + "_" + key).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return component + "." + trimUnderscores(object);
    }

    private static String trimUnderscores(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '_') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '_') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String hash(String chargerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chargerId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
