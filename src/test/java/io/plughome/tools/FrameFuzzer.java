package io.plughome.tools;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The live fuzz tool: throws mutated OCPP 1.6J or 2.0.1 frames at a running PlugHome from many charger
 * connections at once and checks every answer. Each frame is a mutation of a valid charger
 * message (values of other types and sizes, fields removed or added, unknown actions, broken
 * frames, broken JSON, deep nesting, long strings); it never sends CALLRESULT or CALLERROR
 * frames, so every frame must get exactly one answer: a CALLRESULT or a CALLERROR with a code
 * the specification names, never {@code InternalError}, with no stack trace or internal detail
 * in its description. Run (against a server you started, on this machine only):
 *
 * <pre>
 * mvn -q test-compile exec:java@fuzz -Dfuzz.args="--url ws://localhost:8080/ocpp --frames 100000"
 * </pre>
 *
 * Options: {@code --url} (the OCPP endpoint without the charge point id), {@code --connections}
 * (32), {@code --frames} in all (100000), {@code --seed} (random), {@code --prefix} of the charge
 * point ids (FUZZ), {@code --protocol} ({@code ocpp1.6} or {@code ocpp2.0.1}). It prints the
 * figures and exits non-zero when any answer broke the rules.
 */
public final class FrameFuzzer {

    /** The CALLERROR codes of OCPP 1.6 that a charger's bad frame may get. */
    static final Set<String> ALLOWED_CODES = Set.of("FormationViolation", "ProtocolError",
            "TypeConstraintViolation", "PropertyConstraintViolation", "OccurenceConstraintViolation",
            "NotImplemented", "NotSupported", "SecurityError", "GenericError");
    /** The CALLERROR codes of OCPP 2.0.1 that a charger's bad frame may get. */
    static final Set<String> ALLOWED_CODES_201 = Set.of("FormatViolation", "ProtocolError",
            "TypeConstraintViolation", "PropertyConstraintViolation", "OccurrenceConstraintViolation",
            "NotImplemented", "NotSupported", "SecurityError", "GenericError");

    static final String V16 = "ocpp1.6";
    static final String V201 = "ocpp2.0.1";
    /** Signs of internal detail that must never reach a charger. */
    static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.|io\\.plughome"
            + "|SQL|\\.java:|Caused by", Pattern.CASE_INSENSITIVE);

    /** What one run found. */
    public record Report(long frames, long results, long callErrors, Map<String, Long> codes, long unanswered,
            long reconnects, List<String> violations, Duration took) {

        public boolean clean() {
            return violations.isEmpty() && unanswered == 0;
        }

        @Override
        public String toString() {
            return String.format("frames %d in %.1f s (%.0f/s): %d CALLRESULT, %d CALLERROR %s, %d unanswered,"
                    + " %d reconnects, %d violations%s", frames, took.toMillis() / 1000.0,
                    frames / Math.max(0.001, took.toMillis() / 1000.0), results, callErrors, codes, unanswered,
                    reconnects, violations.size(), violations.isEmpty() ? "" : ": " + violations.subList(0,
                            Math.min(10, violations.size())));
        }
    }

    private FrameFuzzer() {
    }

    public static void main(String[] args) throws Exception {
        String url = "ws://localhost:8080/ocpp";
        int connections = 32;
        long frames = 100_000;
        long seed = new Random().nextLong();
        String prefix = "FUZZ";
        String protocol = V16;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--frames" -> frames = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--prefix" -> prefix = args[i + 1];
                case "--protocol" -> protocol = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("Fuzzing " + url + " (" + protocol + ") with " + connections + " connections, " + frames
                + " frames, seed " + seed);
        Report report = run(url, prefix, connections, frames, seed, Duration.ofMinutes(60), protocol);
        System.out.println(report);
        System.exit(report.clean() ? 0 : 1);
    }

    /** Runs the fuzzer on OCPP 1.6; stops after {@code frames} frames or when {@code limit} has passed. */
    public static Report run(String url, String prefix, int connections, long frames, long seed, Duration limit)
            throws InterruptedException {
        return run(url, prefix, connections, frames, seed, limit, V16);
    }

    /** Runs the fuzzer in the given OCPP version. */
    public static Report run(String url, String prefix, int connections, long frames, long seed, Duration limit,
            String protocol) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(limit);
        AtomicLong sent = new AtomicLong();
        Stats stats = new Stats();
        HttpClient http = HttpClient.newHttpClient();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            String id = prefix + "-" + c;
            Random random = new Random(seed + c);
            Thread t = new Thread(() -> fuzzOne(http, url, id, random, frames, sent, deadline, stats, protocol),
                    "fuzz-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Report(sent.get(), stats.results.get(), stats.errors.get(), Map.copyOf(stats.codes),
                stats.unanswered.get(), stats.reconnects.get(), List.copyOf(stats.violations),
                Duration.between(start, Instant.now()));
    }

    private static final class Stats {
        final AtomicLong results = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        final AtomicLong reconnects = new AtomicLong();
        final Map<String, Long> codes = new ConcurrentHashMap<>();
        final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());

        void violation(String what) {
            if (violations.size() < 1000) {
                violations.add(what);
            }
        }
    }

    private static void fuzzOne(HttpClient http, String url, String id, Random random, long frames, AtomicLong sent,
            Instant deadline, Stats stats, String protocol) {
        Conn conn = Conn.open(http, url + "/" + id, protocol);
        boolean v201 = V201.equals(protocol);
        Mutator mutator = new Mutator(random, v201);
        send(conn, Mutator.frame("boot", "BootNotification", mutator.template("BootNotification", "1")), stats);
        while (sent.incrementAndGet() <= frames && Instant.now().isBefore(deadline)) {
            if (!conn.isOpen()) {
                stats.reconnects.incrementAndGet();
                conn = Conn.open(http, url + "/" + id, protocol);
            }
            Mutator.Sent frame = mutator.next();
            JsonArray answer = send(conn, frame.text(), stats);
            if (answer == null) {
                stats.unanswered.incrementAndGet();
                stats.violation((conn.isOpen() ? "no answer to " : "socket closed (" + conn.closeCode()
                        + ") instead of an answer to ") + abbreviate(frame.text()));
                continue;
            }
            check(answer, frame, stats, v201 ? ALLOWED_CODES_201 : ALLOWED_CODES);
        }
        conn.close();
        sent.decrementAndGet();
    }

    private static void check(JsonArray answer, Mutator.Sent frame, Stats stats, Set<String> allowed) {
        int type = answer.getInt(0, -1);
        if (type == 3) {
            stats.results.incrementAndGet();
            frame.onResult(answer);
            return;
        }
        if (type != 4 || answer.size() != 5) {
            stats.violation("not an answer: " + abbreviate(answer.toString()));
            return;
        }
        stats.errors.incrementAndGet();
        String code = answer.getString(2, "?");
        stats.codes.merge(code, 1L, Long::sum);
        String description = answer.getString(3, "");
        if (!allowed.contains(code)) {
            stats.violation(code + " for " + abbreviate(frame.text()) + ": " + description);
        }
        if (LEAK.matcher(withoutEcho(description, frame.text())).find()) {
            stats.violation("internal detail in " + code + ": " + description);
        }
    }

    /** The description without the words it echoes from the frame (an unknown action's name, say). */
    static String withoutEcho(String description, String frameText) {
        String frame = frameText + " " + decodedStrings(frameText);
        StringBuilder own = new StringBuilder();
        for (String word : description.split("\\s+")) {
            String bare = word.endsWith("...") ? word.substring(0, word.length() - 3) : word;
            if (bare.length() < 3 || !frame.contains(bare)) {
                own.append(word).append(' ');
            }
        }
        return own.toString();
    }

    /** Every string and key in the frame's JSON, decoded (as a description would quote them). */
    static String decodedStrings(String frameText) {
        StringBuilder out = new StringBuilder();
        try (jakarta.json.stream.JsonParser parser = Json.createParser(new StringReader(frameText))) {
            while (parser.hasNext()) {
                jakarta.json.stream.JsonParser.Event e = parser.next();
                if (e == jakarta.json.stream.JsonParser.Event.KEY_NAME
                        || e == jakarta.json.stream.JsonParser.Event.VALUE_STRING) {
                    out.append(parser.getString()).append(' ');
                }
            }
        } catch (RuntimeException notJson) {
            // what was read so far
        }
        return out.toString();
    }

    /** Sends a frame and waits for the answer (server CALLs in between are refused as not implemented). */
    private static JsonArray send(Conn conn, String text, Stats stats) {
        if (!conn.send(text)) {
            return null;
        }
        while (true) {
            String got = conn.next(Duration.ofSeconds(15));
            if (got == null) {
                return null;
            }
            JsonArray frame;
            try {
                frame = Json.createReader(new StringReader(got)).readArray();
            } catch (RuntimeException e) {
                stats.violation("server sent a frame that is not a JSON array: " + abbreviate(got));
                return null;
            }
            if (frame.getInt(0, -1) == 2) {
                conn.send(Json.createArrayBuilder().add(4).add(frame.getString(1)).add("NotImplemented")
                        .add("fuzzer").add(JsonValue.EMPTY_JSON_OBJECT).build().toString());
                continue;
            }
            return frame;
        }
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }

    /** One lock-step WebSocket connection. */
    private static final class Conn implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private WebSocket socket;

        static Conn open(HttpClient http, String url, String protocol) {
            Conn conn = new Conn();
            for (int attempt = 0; ; attempt++) {
                try {
                    conn.socket = http.newWebSocketBuilder().subprotocols(protocol).connectTimeout(Duration
                            .ofSeconds(10)).buildAsync(URI.create(url), conn).get(15, TimeUnit.SECONDS);
                    return conn;
                } catch (Exception e) {
                    if (attempt >= 20) {
                        throw new IllegalStateException("cannot connect to " + url, e);
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ie);
                    }
                }
            }
        }

        boolean send(String text) {
            try {
                socket.sendText(text, true).get(15, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                closed.complete(1006);
                return false;
            }
        }

        String next(Duration wait) {
            try {
                long end = System.nanoTime() + wait.toNanos();
                while (System.nanoTime() < end) {
                    String text = received.poll(100, TimeUnit.MILLISECONDS);
                    if (text != null) {
                        return text;
                    }
                    if (closed.isDone()) {
                        return received.poll();
                    }
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        boolean isOpen() {
            return !closed.isDone();
        }

        int closeCode() {
            return closed.getNow(-1);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }

    /** Makes the frames: valid charger messages, mutated. Keeps the transaction ids it was given. */
    static final class Mutator {

        static final String[] ACTIONS = {"BootNotification", "Heartbeat", "StatusNotification", "Authorize",
            "StartTransaction", "MeterValues", "StopTransaction", "DataTransfer", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification"};
        static final String[] ACTIONS_201 = {"BootNotification", "Heartbeat", "StatusNotification", "Authorize",
            "TransactionEvent", "MeterValues", "NotifyEvent", "SecurityEventNotification", "NotifyReport",
            "FirmwareStatusNotification", "LogStatusNotification", "DataTransfer"};

        /** A frame sent, and what to do with its CALLRESULT. */
        record Sent(String text, java.util.function.Consumer<JsonArray> onResult) {
            void onResult(JsonArray answer) {
                onResult.accept(answer);
            }
        }

        private final Random random;
        private final boolean v201;
        private final List<String> transactions = new ArrayList<>();
        private long counter;

        Mutator(Random random, boolean v201) {
            this.random = random;
            this.v201 = v201;
        }

        Sent next() {
            String[] actions = v201 ? ACTIONS_201 : ACTIONS;
            String action = actions[random.nextInt(actions.length)];
            String tx = transactions.isEmpty() ? "1" : transactions.get(random.nextInt(transactions.size()));
            if (v201 && "TransactionEvent".equals(action) && (transactions.isEmpty() || random.nextInt(4) == 0)
                    && transactions.size() < 50) {
                tx = "FZ-" + random.nextInt(1_000_000);
                transactions.add(tx);
            }
            JsonObject payload = template(action, tx);
            String messageId = "f" + (++counter);
            int kind = random.nextInt(100);
            String text;
            if (kind < 15) {
                text = frame(messageId, action, payload);
            } else if (kind < 70) {
                JsonValue mutated = payload;
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    mutated = mutate(mutated, 0);
                }
                text = mutated instanceof JsonObject o ? frame(messageId, action, o)
                        : Json.createArrayBuilder().add(2).add(messageId).add(action).add(mutated).build().toString();
            } else if (kind < 80) {
                text = frame(messageId, oddAction(action), payload);
            } else if (kind < 90) {
                text = oddFrame(messageId, action, payload);
            } else {
                text = brokenText(frame(messageId, action, payload));
            }
            boolean start = action.equals("StartTransaction");
            return new Sent(text, answer -> {
                if (start && answer.get(2) instanceof JsonObject o && o.get("transactionId") instanceof
                        jakarta.json.JsonNumber n && transactions.size() < 50) {
                    transactions.add(Long.toString(n.longValue()));
                }
            });
        }

        static String frame(String id, String action, JsonObject payload) {
            return Json.createArrayBuilder().add(2).add(id).add(action).add(payload).build().toString();
        }

        JsonObject template(String action, String tx) {
            return v201 ? template201(action, tx, random) : template16(action, tx.matches("\\d{1,18}")
                    ? Long.parseLong(tx) : 1);
        }

        /** A valid 2.0.1 message of each kind (the events of a transaction in a random phase). */
        static JsonObject template201(String action, String tx, Random random) {
            String now = Instant.now().toString();
            JsonObject evse = Json.createObjectBuilder().add("id", 1).add("connectorId", 1).build();
            JsonObject meterValue = Json.createObjectBuilder().add("timestamp", now).add("sampledValue",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", 1.2)
                            .add("measurand", "Energy.Active.Import.Register").add("context", "Sample.Periodic")
                            .add("unitOfMeasure", Json.createObjectBuilder().add("unit", "kWh")))
                            .add(Json.createObjectBuilder().add("value", 74).add("measurand", "Power.Active.Import")
                                    .add("phase", "L1").add("unitOfMeasure", Json.createObjectBuilder()
                                            .add("unit", "W").add("multiplier", 2)))).build();
            JsonObject idToken = Json.createObjectBuilder().add("idToken", "FUZZTAG").add("type", "ISO14443").build();
            JsonObject component = Json.createObjectBuilder().add("name", "ConnectorPlugRetentionLock")
                    .add("evse", evse).build();
            return switch (action) {
                case "BootNotification" -> Json.createObjectBuilder().add("reason", "PowerUp").add("chargingStation",
                        Json.createObjectBuilder().add("vendorName", "Fuzz").add("model", "F2")
                                .add("firmwareVersion", "0.2")).build();
                case "StatusNotification" -> Json.createObjectBuilder().add("timestamp", now)
                        .add("connectorStatus", "Occupied").add("evseId", 1).add("connectorId", 1).build();
                case "Authorize" -> Json.createObjectBuilder().add("idToken", idToken).build();
                case "TransactionEvent" -> Json.createObjectBuilder()
                        .add("eventType", List.of("Started", "Updated", "Updated", "Ended").get(random.nextInt(4)))
                        .add("timestamp", now).add("triggerReason", "MeterValuePeriodic").add("seqNo",
                                random.nextInt(20)).add("transactionInfo", Json.createObjectBuilder()
                                        .add("transactionId", tx).add("chargingState", "Charging"))
                        .add("idToken", idToken).add("evse", evse).add("meterValue", Json.createArrayBuilder()
                                .add(meterValue)).build();
                case "MeterValues" -> Json.createObjectBuilder().add("evseId", 1).add("meterValue",
                        Json.createArrayBuilder().add(meterValue)).build();
                case "NotifyEvent" -> Json.createObjectBuilder().add("generatedAt", now).add("seqNo", 0)
                        .add("eventData", Json.createArrayBuilder().add(Json.createObjectBuilder().add("eventId", 1)
                                .add("timestamp", now).add("trigger", "Alerting").add("actualValue", "true")
                                .add("techCode", "E17").add("component", component)
                                .add("eventNotificationType", "HardWiredNotification")
                                .add("variable", Json.createObjectBuilder().add("name", "Problem")))).build();
                case "SecurityEventNotification" -> Json.createObjectBuilder().add("type", "FirmwareUpdated")
                        .add("timestamp", now).add("techInfo", "fuzz").build();
                case "NotifyReport" -> Json.createObjectBuilder().add("requestId", 1).add("generatedAt", now)
                        .add("seqNo", 0).add("reportData", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("component", Json.createObjectBuilder().add("name", "OCPPCommCtrlr"))
                                .add("variable", Json.createObjectBuilder().add("name", "HeartbeatInterval"))
                                .add("variableAttribute", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("type", "Actual").add("value", "300"))))).build();
                case "FirmwareStatusNotification" -> Json.createObjectBuilder().add("status", "Installed").build();
                case "LogStatusNotification" -> Json.createObjectBuilder().add("status", "Uploaded").build();
                case "DataTransfer" -> Json.createObjectBuilder().add("vendorId", "fuzz").add("data", "x").build();
                default -> JsonValue.EMPTY_JSON_OBJECT;
            };
        }

        static JsonObject template16(String action, long tx) {
            String now = Instant.now().toString();
            return switch (action) {
                case "BootNotification" -> Json.createObjectBuilder().add("chargePointVendor", "Fuzz")
                        .add("chargePointModel", "F1").add("firmwareVersion", "0.1").build();
                case "StatusNotification" -> Json.createObjectBuilder().add("connectorId", 1).add("status",
                        "Charging").add("errorCode", "NoError").add("timestamp", now).build();
                case "Authorize" -> Json.createObjectBuilder().add("idTag", "FUZZTAG").build();
                case "StartTransaction" -> Json.createObjectBuilder().add("connectorId", 1).add("idTag", "FUZZTAG")
                        .add("meterStart", 1000).add("timestamp", now).build();
                case "MeterValues" -> Json.createObjectBuilder().add("connectorId", 1).add("transactionId", tx)
                        .add("meterValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("timestamp", now).add("sampledValue", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("value", "1200").add("measurand",
                                                "Energy.Active.Import.Register").add("unit", "Wh"))
                                        .add(Json.createObjectBuilder().add("value", "7400").add("measurand",
                                                "Power.Active.Import").add("unit", "W").add("phase", "L1")
                                                .add("location", "Outlet").add("context", "Sample.Periodic")))))
                        .build();
                case "StopTransaction" -> Json.createObjectBuilder().add("transactionId", tx).add("meterStop", 2000)
                        .add("timestamp", now).add("reason", "Local").add("idTag", "FUZZTAG").build();
                case "DataTransfer" -> Json.createObjectBuilder().add("vendorId", "fuzz").add("messageId", "m")
                        .add("data", "x").build();
                case "DiagnosticsStatusNotification" -> Json.createObjectBuilder().add("status", "Uploaded").build();
                case "FirmwareStatusNotification" -> Json.createObjectBuilder().add("status", "Installed").build();
                default -> JsonValue.EMPTY_JSON_OBJECT;
            };
        }

        /** One mutation somewhere in the value: at this node, or in one of its children. */
        JsonValue mutate(JsonValue value, int depth) {
            if (value instanceof JsonObject o && !o.isEmpty() && random.nextInt(3) > 0 && depth < 6) {
                List<String> keys = new ArrayList<>(o.keySet());
                String key = keys.get(random.nextInt(keys.size()));
                JsonObjectBuilder b = Json.createObjectBuilder(o);
                switch (random.nextInt(4)) {
                    case 0 -> b.remove(key);
                    case 1 -> b.add("x" + random.nextInt(1000), randomValue(0));
                    default -> b.add(key, mutate(o.get(key), depth + 1));
                }
                return b.build();
            }
            if (value instanceof JsonArray a && !a.isEmpty() && random.nextInt(3) > 0 && depth < 6) {
                int i = random.nextInt(a.size());
                JsonArrayBuilder b = Json.createArrayBuilder(a);
                switch (random.nextInt(4)) {
                    case 0 -> b.remove(i);
                    case 1 -> b.add(randomValue(0));
                    default -> b.set(i, mutate(a.get(i), depth + 1));
                }
                return b.build();
            }
            return randomValue(0);
        }

        JsonValue randomValue(int depth) {
            return switch (random.nextInt(depth > 2 ? 8 : 10)) {
                case 0 -> Json.createValue(randomString());
                case 1 -> Json.createValue(random.nextLong());
                case 2 -> Json.createValue(new java.math.BigDecimal(random.nextInt(10) < 5 ? "1e400" : "-0.5"));
                case 3 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
                case 4 -> JsonValue.NULL;
                case 5 -> Json.createValue(random.nextDouble() * 1e6);
                case 6 -> Json.createValue(List.of("Available", "Charging", "Faulted", "kWh", "Celcius", "L1",
                        "1970-01-01T00:00:00", "2026-13-45T99:99:99Z", "", "NaN").get(random.nextInt(10)));
                case 7 -> Json.createValue(Integer.MAX_VALUE + (long) random.nextInt(3));
                case 8 -> Json.createArrayBuilder().add(randomValue(depth + 1)).add(randomValue(depth + 1)).build();
                default -> Json.createObjectBuilder().add(randomString(), randomValue(depth + 1)).build();
            };
        }

        String randomString() {
            int kind = random.nextInt(10);
            int length = kind < 6 ? random.nextInt(30) : kind < 9 ? 20 + random.nextInt(400) : 1000 + random
                    .nextInt(5000);
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(20);
                s.append(pick == 0 ? (char) random.nextInt(32) : pick == 1 ? (char) (0x80 + random.nextInt(0x2000))
                        : pick == 2 ? '"' : pick == 3 ? '\\' : (char) ('a' + random.nextInt(26)));
            }
            return s.toString();
        }

        String oddAction(String action) {
            return switch (random.nextInt(6)) {
                case 0 -> action.toLowerCase(java.util.Locale.ROOT);
                case 1 -> "";
                case 2 -> action + "X";
                case 3 -> randomString();
                case 4 -> "RemoteStartTransaction"; // a Central System action, not a charger's
                default -> "Vendor" + random.nextInt(100);
            };
        }

        String oddFrame(String id, String action, JsonObject payload) {
            return switch (random.nextInt(10)) {
                case 0 -> Json.createArrayBuilder().add(2).add(id).add(action).build().toString();
                case 1 -> Json.createArrayBuilder().add(2).add(id).add(action).add(payload).add(1).build().toString();
                case 2 -> Json.createArrayBuilder().add(2).add(id).add(action).add("payload").build().toString();
                case 3 -> Json.createArrayBuilder().add(2).add(42).add(action).add(payload).build().toString();
                case 4 -> Json.createArrayBuilder().add(2).add("i".repeat(37 + random.nextInt(100))).add(action)
                        .add(payload).build().toString();
                case 5 -> Json.createArrayBuilder().add(List.of(5, 0, -1, 99).get(random.nextInt(4))).add(id)
                        .add(action).add(payload).build().toString();
                case 6 -> Json.createArrayBuilder().add("2").add(id).add(action).add(payload).build().toString();
                case 7 -> Json.createArrayBuilder().add(2).add("").add(action).add(payload).build().toString();
                case 8 -> Json.createObjectBuilder().add("2", id).build().toString();
                default -> "[]";
            };
        }

        String brokenText(String valid) {
            return switch (random.nextInt(7)) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> {
                    int at = random.nextInt(valid.length());
                    yield valid.substring(0, at) + "\",}]{[" .charAt(random.nextInt(6)) + valid.substring(at);
                }
                case 2 -> "[".repeat(100 + random.nextInt(3000)) + "]".repeat(random.nextInt(50));
                case 3 -> "[2,\"d\",\"Heartbeat\"," + "{\"a\":".repeat(500 + random.nextInt(2000)) + "1"
                        + "}".repeat(100) + "]";
                case 4 -> "";
                case 5 -> "null";
                default -> randomString();
            };
        }
    }
}
