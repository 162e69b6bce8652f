package io.plughome.ocpp;

import io.plughome.charger.ChargerIds;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the charger id from the path of a WebSocket upgrade, failing closed: only the two
 * documented forms, {@code /ocpp/{id}} and the root form {@code /{id}}, exactly as they were
 * sent (the raw, undecoded path). Doubled slashes, dot segments, a trailing slash, path parameters
 * ({@code ;x}), backslashes, encoded separators ({@code %2F}, {@code %5C}) or dots that decode to a
 * dot segment, malformed percent escapes and bytes that are not UTF-8 are refused, never
 * normalised: the id checked here is the id the connection is then served as (the upgrade hands
 * it to the endpoint), so there is no second reading of the path that could differ.
 */
public final class OcppPath {

    private OcppPath() {
    }

    /** The outcome: a charger id, or the error code and plain reason to refuse the upgrade with. */
    public record Parsed(String chargerId, String error, String reason) {

        static Parsed id(String chargerId) {
            return new Parsed(chargerId, null, null);
        }

        static Parsed refused(String error, String reason) {
            return new Parsed(null, error, reason);
        }

        public boolean ok() {
            return chargerId != null;
        }
    }

    private static final String FORMS = "chargers connect to /ocpp/{id} (or /{id})";

    /**
     * The charger id of {@code requestUri} (as {@link jakarta.servlet.http.HttpServletRequest#getRequestURI()}
     * gives it: raw, without the query) below {@code contextPath}.
     */
    public static Parsed parse(String requestUri, String contextPath) {
        String context = contextPath == null ? "" : contextPath;
        if (requestUri == null || !requestUri.startsWith(context)) {
            return Parsed.refused("InvalidPath", "Not an OCPP path: " + FORMS);
        }
        String path = requestUri.substring(context.length());
        String segment;
        if (path.startsWith("/ocpp/")) {
            segment = path.substring("/ocpp/".length());
        } else if (path.startsWith("/")) {
            segment = path.substring(1);
        } else {
            return Parsed.refused("InvalidPath", "Not an OCPP path: " + FORMS);
        }
        if (segment.isEmpty() || segment.indexOf('/') >= 0) {
            return Parsed.refused("InvalidPath", "The path has an empty segment, a trailing slash or more than"
                    + " one segment after /ocpp/; " + FORMS + ", one segment, nothing else");
        }
        if (segment.indexOf(';') >= 0 || segment.indexOf('\\') >= 0) {
            return Parsed.refused("InvalidPath", "The charger id in the path has ';' or '\\'; percent-encode"
                    + " them (%3B, %5C) if the id really holds them");
        }
        String id;
        try {
            id = decode(segment);
        } catch (IllegalArgumentException e) {
            return Parsed.refused("InvalidPath", "The charger id in the path is not valid percent-encoded UTF-8: "
                    + e.getMessage());
        }
        if (id.equals(".") || id.equals("..") || id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
            return Parsed.refused("InvalidPath", "The charger id in the path is a dot segment or holds an encoded"
                    + " '/' or '\\'; " + FORMS);
        }
        return ChargerIds.problem(id).map(problem -> Parsed.refused("InvalidChargePointId", problem))
                .orElseGet(() -> Parsed.id(id));
    }

    /**
     * Percent-decoding of a path segment ('+' stays '+'), strict about escapes and UTF-8. The
     * container hands raw bytes above 0x7F (a charger that sent UTF-8 unescaped) through as
     * ISO-8859-1 characters, so characters up to 0xFF count as the bytes they came as.
     */
    static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("'%' without two hexadecimal digits after it");
                }
                int hi = hex(segment.charAt(i + 1));
                int lo = hex(segment.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("'%" + segment.substring(i + 1, i + 3) + "' is not an escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                int cp = segment.codePointAt(i);
                if (Character.getType(cp) == Character.SURROGATE) {
                    throw new IllegalArgumentException("an unpaired surrogate");
                }
                bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the bytes are not UTF-8");
        }
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
    }
}
