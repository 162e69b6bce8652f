package io.plughome.ocpp;

import io.plughome.platform.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The frame log: for a charger an admin switched it on for, the last frames in and out with
 * their times, kept in memory (not on disk, gone at a restart), so an owner can see what a
 * charger sent. Secrets in frames (a new AuthorizationKey or BasicAuthPassword) are masked.
 */
@ApplicationScoped
public class FrameLog {

    public static final int DEFAULT_SIZE = 200;
    public static final int MAX_SIZE = 2000;
    /** Frames are kept up to this many characters (they may be up to 256 KiB). */
    public static final int MAX_FRAME_CHARS = 16_384;

    private static final String MASK = "****";

    /** One frame: when, "in" (from the charger) or "out" (to it), and its text. */
    public record Entry(Instant at, String direction, String text, boolean truncated) {
    }

    /** The log of one charger: its size, and the entries oldest first. */
    public record View(int size, List<Entry> entries) {
    }

    @Inject
    Clock clock;

    private final ConcurrentMap<String, Ring> logs = new ConcurrentHashMap<>();

    /** Starts (or resizes) the log of a charger; frames logged before are kept up to the size. */
    public void enable(String chargerId, int size) {
        logs.compute(chargerId, (id, ring) -> ring == null ? new Ring(size) : ring.resized(size));
    }

    /** Stops the log of a charger and forgets its frames. */
    public void disable(String chargerId) {
        logs.remove(chargerId);
    }

    public Optional<View> of(String chargerId) {
        Ring ring = logs.get(chargerId);
        return ring == null ? Optional.empty() : Optional.of(ring.view());
    }

    public void in(String chargerId, String text) {
        log(chargerId, "in", text);
    }

    public void out(String chargerId, String text) {
        log(chargerId, "out", text);
    }

    private void log(String chargerId, String direction, String text) {
        Ring ring = logs.get(chargerId);
        if (ring == null) {
            return;
        }
        String masked = mask(text);
        boolean truncated = masked.length() > MAX_FRAME_CHARS;
        ring.add(new Entry(clock.instant(), direction, truncated ? masked.substring(0, MAX_FRAME_CHARS) : masked,
                truncated));
    }

    /**
     * A frame with the value of a secret setting masked: ChangeConfiguration of AuthorizationKey
     * (1.6), SetVariables of BasicAuthPassword (2.0.1). Other frames are returned as they are.
     */
    static String mask(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("authorizationkey") && !lower.contains("basicauthpassword")) {
            return text;
        }
        try {
            JsonArray frame = JsonP.PROVIDER.createReader(new StringReader(text)).readArray();
            JsonValue payload = frame.get(frame.size() - 1);
            if (frame.size() == 4 && payload instanceof JsonObject p && p.containsKey("value")
                    && "authorizationkey".equalsIgnoreCase(p.getString("key", ""))) {
                return JsonP.PROVIDER.createArrayBuilder(frame).set(3, JsonP.PROVIDER.createObjectBuilder(p).add("value", MASK))
                        .build().toString();
            }
        } catch (RuntimeException notJson) {
            // masked whole below
        }
        return lower.contains("basicauthpassword") || lower.contains("authorizationkey")
                ? "[frame naming a secret setting, masked]" : text;
    }

    /** A bounded queue of entries; the oldest goes when a new one comes and it is full. */
    private static final class Ring {
        private final int size;
        private final Deque<Entry> entries;

        Ring(int size) {
            this.size = Math.max(1, Math.min(MAX_SIZE, size));
            this.entries = new ArrayDeque<>(this.size);
        }

        synchronized void add(Entry entry) {
            if (entries.size() == size) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }

        synchronized Ring resized(int newSize) {
            Ring ring = new Ring(newSize);
            entries.forEach(ring::add);
            return ring;
        }

        synchronized View view() {
            return new View(size, List.copyOf(entries));
        }
    }
}
