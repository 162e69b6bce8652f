package io.plughome.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What readable records (the audit log) show instead of secrets that travel inside requests:
 * <ul>
 * <li>the token of a PlugHome file link ({@code /files/diagnostics/<token>/},
 * {@code /files/firmware/<token>/}): whoever holds it may upload into a charger's diagnostics or
 * download firmware;</li>
 * <li>the password of a URL with credentials ({@code ftp://user:password@host/}), as a charger's
 * log upload location may carry;</li>
 * <li>everything after the host of a webhook URL (Home Assistant's webhook id is its only
 * secret).</li>
 * </ul>
 * Applied when an entry is written and again when it is read, so entries written before this
 * existed are masked too. Masking twice changes nothing.
 */
public final class Redaction {

    private Redaction() {
    }

    private static final Pattern LINK_TOKEN = Pattern.compile("(/files/(?:diagnostics|firmware)/)([^/?#\\s\"]+)");
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/@:\\s\"]*):([^/\\s\"]*)@");

    /** A text with every link token and URL password in it masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = LINK_TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + (m.group(2).equals(Command.MASKED) ? m.group(2) : Command.MASKED)));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + Command.MASKED
                + "@"));
    }

    /** A JSON value with {@link #text} applied to every string in it, keys kept. */
    public static JsonValue json(JsonValue value) {
        if (value instanceof JsonString s) {
            String masked = text(s.getString());
            return masked.equals(s.getString()) ? s : Json.createValue(masked);
        }
        if (value instanceof JsonObject object) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                b.add(e.getKey(), json(e.getValue()));
            }
            return b.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            array.forEach(v -> b.add(json(v)));
            return b.build();
        }
        return value;
    }

    /**
     * An audit entry's request as any reader sees it: {@link #json} masking, and for a webhook's
     * creation its URL cut to scheme, host and port (entries from before this was written at once).
     */
    public static JsonValue auditRequest(String action, JsonValue request) {
        JsonValue masked = json(request);
        if ("CreateWebhook".equals(action) && masked instanceof JsonObject o && o.get("url") instanceof JsonString url
                && !url.getString().endsWith("/" + Command.MASKED)) {
            return Json.createObjectBuilder(o).add("url", webhookUrl(url.getString())).build();
        }
        return masked;
    }

    /**
     * A webhook URL as the audit log shows it: scheme, host and port, the rest masked
     * ({@code http://192.168.1.20:8123/********}).
     */
    public static String webhookUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Command.MASKED;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/"
                    + Command.MASKED;
        } catch (IllegalArgumentException e) {
            return Command.MASKED;
        }
    }
}
