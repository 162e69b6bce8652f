package io.plughome.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A charge point that speaks real OCPP 1.6J or 2.0.1 frames over a real WebSocket. Tests use it
 * to play a charger frame by frame. The version-neutral methods ({@link #bootUp}, {@link #connectorStatus},
 * {@link #startSession}, {@link #meter}, {@link #stopSession}, {@link #action}) send what a
 * charger of the version it speaks sends, so one test runs for both. (The simulator for people,
 * which lives like a charger on its own, is {@code io.plughome.simulator}.)
 */
public final class ChargePointSimulator implements AutoCloseable {

    /** The OCPP versions the simulator speaks. */
    public enum Version {
        V16("ocpp1.6"), V201("ocpp2.0.1");

        public final String subprotocol;

        Version(String subprotocol) {
            this.subprotocol = subprotocol;
        }

        @Override
        public String toString() {
            return subprotocol;
        }
    }

    /** The 2.0.1 name of each 1.6 call a server sends, where they differ. */
    private static final java.util.Map<String, String> ACTIONS_201 = java.util.Map.of(
            "RemoteStartTransaction", "RequestStartTransaction", "RemoteStopTransaction", "RequestStopTransaction",
            "GetConfiguration", "GetVariables", "ChangeConfiguration", "SetVariables", "GetDiagnostics", "GetLog");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String chargePointId;
    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonArray> serverCalls = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode;
    private final AtomicInteger nextId = new AtomicInteger(1);

    private ChargePointSimulator(String chargePointId, WebSocket socket, CompletableFuture<Integer> closeCode,
            Listener listener) {
        this.chargePointId = chargePointId;
        this.socket = socket;
        this.closeCode = closeCode;
        listener.target = this;
    }

    /** Connects to {@code baseWs + path} (e.g. ws://localhost:8080/ocpp/CP1) offering the given sub-protocols. */
    public static ChargePointSimulator connect(String url, String chargePointId, String... subprotocols) {
        return connect(HttpClient.newHttpClient(), url, chargePointId, null, subprotocols);
    }

    /**
     * Connects with a given HTTP client (for wss:// with its own trust) and, when
     * {@code password} is not null, HTTP Basic credentials (user = charge point id): OCPP
     * security profiles 1 and 2. A refused upgrade throws a CompletionException whose cause is a
     * {@link java.net.http.WebSocketHandshakeException} carrying the HTTP status.
     */
    public static ChargePointSimulator connect(HttpClient client, String url, String chargePointId, String password,
            String... subprotocols) {
        return connect(client, url, chargePointId, password, java.util.Map.of(), subprotocols);
    }

    /** As above, with extra upgrade headers (e.g. X-Forwarded-For, to pose as another address). */
    public static ChargePointSimulator connect(HttpClient client, String url, String chargePointId, String password,
            java.util.Map<String, String> headers, String... subprotocols) {
        Listener listener = new Listener();
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        if (password != null) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (chargePointId + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        WebSocket socket = builder.buildAsync(URI.create(url), listener).join();
        return new ChargePointSimulator(chargePointId, socket, listener.closed, listener);
    }

    /** Connects at {@code ws://host/ocpp/{id}} speaking the given version. */
    public static ChargePointSimulator connect(String baseUrl, String chargePointId, Version version) {
        return connect(TestServer.wsUrl(baseUrl) + "/ocpp/" + chargePointId, chargePointId, version.subprotocol);
    }

    /** Connects, boots and reports connector 1 Available, in the given version. */
    public static ChargePointSimulator booted(String baseUrl, String chargePointId, Version version) {
        ChargePointSimulator cp = connect(baseUrl, chargePointId, version);
        cp.bootUp("PlugHome", "Simulator");
        cp.connectorStatus(1, "Available");
        return cp;
    }

    /** The version the server chose (no sub-protocol at all is 1.6). */
    public Version version() {
        return "ocpp2.0.1".equals(socket.getSubprotocol()) ? Version.V201 : Version.V16;
    }

    /** The action a server call has in this charger's version, given its 1.6 name. */
    public String action(String action16) {
        return version() == Version.V201 ? ACTIONS_201.getOrDefault(action16, action16) : action16;
    }

    /** The next server CALL, checked to be the given action (named as in 1.6; see {@link #action}). */
    public JsonArray expectCall(String action16) {
        JsonArray call = nextServerCall();
        if (!action(action16).equals(call.getString(2))) {
            throw new AssertionError("expected " + action(action16) + ", the server sent " + call);
        }
        return call;
    }

    // ---- version-neutral messages

    /** BootNotification in this charger's version. */
    public JsonObject bootUp(String vendor, String model) {
        if (version() == Version.V16) {
            return boot(vendor, model);
        }
        return callOk("BootNotification", Json.createObjectBuilder().add("reason", "PowerUp")
                .add("chargingStation", Json.createObjectBuilder().add("vendorName", vendor).add("model", model)
                        .add("serialNumber", "SN-" + Math.abs(chargePointId.hashCode())).add("firmwareVersion", "1.2.3"))
                .build());
    }

    /** The transactions this charger runs, by connector (2.0.1 sends the charging state in them). */
    private final java.util.Map<Integer, String> transactions = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Integer> seqNos = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A connector's status in 1.6 words (Available, Preparing, Charging, SuspendedEV, ...,
     * Faulted). A 2.0.1 charger says Occupied for a plugged-in vehicle, and how it charges in an
     * Updated event of the transaction running there.
     */
    public void connectorStatus(int connectorId, String status16) {
        if (version() == Version.V16) {
            status(connectorId, status16, "Faulted".equals(status16) ? "OtherError" : "NoError");
            return;
        }
        String status = switch (status16) {
            case "Available", "Reserved", "Unavailable", "Faulted" -> status16;
            default -> "Occupied";
        };
        callOk("StatusNotification", Json.createObjectBuilder().add("timestamp", Instant.now().toString())
                .add("connectorStatus", status).add("evseId", connectorId).add("connectorId", connectorId == 0 ? 0 : 1)
                .build());
        String tx = transactions.get(connectorId);
        if (tx != null && Set.of("Charging", "SuspendedEV", "SuspendedEVSE").contains(status16)) {
            transactionEvent("Updated", tx, connectorId, Instant.now(), "ChargingStateChanged",
                    Json.createObjectBuilder().add("chargingState", status16), null, null);
        }
    }

    /**
     * Picks up a transaction this charger ran before it reconnected (a charger that kept running
     * while the server was away): 2.0.1 events go on with the next seqNo.
     */
    public void resume(int connectorId, String transactionId, int nextSeqNo) {
        transactions.put(connectorId, transactionId);
        seqNos.put(transactionId, nextSeqNo);
    }

    /** Starts a transaction; answers its transaction id as the API shows it (a string). */
    public String startSession(int connectorId, String idTag, long meterStartWh, Instant at) {
        if (version() == Version.V16) {
            return Long.toString(startTransaction(connectorId, idTag, meterStartWh, at));
        }
        String tx = "TX-" + java.util.UUID.randomUUID().toString().replace("-", ""); // 35 of the 36 allowed
        transactions.put(connectorId, tx);
        JsonArray answer = transactionEvent("Started", tx, connectorId, at, "Authorized",
                Json.createObjectBuilder().add("chargingState", "EVConnected"),
                idToken(idTag), energy(at, meterStartWh, "Transaction.Begin", null));
        if (answer.getInt(0) != 3) {
            throw new AssertionError("TransactionEvent Started answered " + answer);
        }
        return tx;
    }

    /** Meter values of a running transaction: the energy register (Wh) and the power (W). */
    public JsonObject meter(int connectorId, String transactionId, Instant at, long energyWh, double powerW) {
        if (version() == Version.V16) {
            return meterValues(connectorId, Long.parseLong(transactionId), at, Long.toString(energyWh), "Wh", powerW);
        }
        JsonArray answer = transactionEvent("Updated", transactionId, connectorId, at, "MeterValuePeriodic",
                Json.createObjectBuilder().add("chargingState", "Charging"), null,
                energy(at, energyWh, "Sample.Periodic", powerW));
        return answer.getJsonObject(2);
    }

    /** Stops a transaction with its final reading and reason (the 1.6 words, which 2.0.1 shares). */
    public JsonObject stopSession(String transactionId, long meterStopWh, Instant at, String reason) {
        if (version() == Version.V16) {
            return stopTransaction(Long.parseLong(transactionId), meterStopWh, at, reason);
        }
        int connector = transactions.entrySet().stream().filter(e -> e.getValue().equals(transactionId))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(1);
        transactions.remove(connector);
        JsonArray answer = transactionEvent("Ended", transactionId, connector, at, "EVDeparted",
                Json.createObjectBuilder().add("chargingState", "Idle").add("stoppedReason", reason), null,
                energy(at, meterStopWh, "Transaction.End", null));
        if (answer.getInt(0) != 3) {
            throw new AssertionError("TransactionEvent Ended answered " + answer);
        }
        return answer.getJsonObject(2);
    }

    /** A 2.0.1 TransactionEvent; answers the answer frame. */
    public JsonArray transactionEvent(String type, String transactionId, int connectorId, Instant at, String trigger,
            jakarta.json.JsonObjectBuilder transactionInfo, JsonObject idToken, JsonObject meterValue) {
        int seqNo = seqNos.merge(transactionId, 1, Integer::sum) - 1;
        jakarta.json.JsonObjectBuilder event = Json.createObjectBuilder().add("eventType", type)
                .add("timestamp", at.toString()).add("triggerReason", trigger).add("seqNo", seqNo)
                .add("transactionInfo", transactionInfo.add("transactionId", transactionId))
                .add("evse", Json.createObjectBuilder().add("id", connectorId).add("connectorId", 1));
        if (idToken != null) {
            event.add("idToken", idToken);
        }
        if (meterValue != null) {
            event.add("meterValue", Json.createArrayBuilder().add(meterValue));
        }
        return call("TransactionEvent", event.build());
    }

    public static JsonObject idToken(String value) {
        return Json.createObjectBuilder().add("idToken", value).add("type", "ISO14443").build();
    }

    private static JsonObject energy(Instant at, long wh, String context, Double powerW) {
        jakarta.json.JsonArrayBuilder values = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("value", wh / 1000.0).add("context", context).add("measurand", "Energy.Active.Import.Register")
                .add("unitOfMeasure", Json.createObjectBuilder().add("unit", "kWh")));
        if (powerW != null) {
            values.add(Json.createObjectBuilder().add("value", powerW / 1000).add("context", context)
                    .add("measurand", "Power.Active.Import")
                    .add("unitOfMeasure", Json.createObjectBuilder().add("unit", "W").add("multiplier", 3)));
        }
        return Json.createObjectBuilder().add("timestamp", at.toString()).add("sampledValue", values).build();
    }

    /** Connects at {@code ws://host/ocpp/{id}} speaking OCPP 1.6. */
    public static ChargePointSimulator connect16(String baseUrl, String chargePointId) {
        return connect(TestServer.wsUrl(baseUrl) + "/ocpp/" + chargePointId, chargePointId, "ocpp1.6");
    }

    /** Connects and boots: a charger ready to be controlled. */
    public static ChargePointSimulator booted16(String baseUrl, String chargePointId) {
        ChargePointSimulator cp = connect16(baseUrl, chargePointId);
        cp.boot("PlugHome", "Simulator");
        cp.status(1, "Available", "NoError");
        return cp;
    }

    // ---- calls the server sends to this charger

    /** The next CALL the server sent (e.g. a RemoteStartTransaction), failing after the timeout. */
    public JsonArray nextServerCall() {
        JsonArray call = pollServerCall(TIMEOUT);
        if (call == null) {
            throw new AssertionError("No call from the server within " + TIMEOUT);
        }
        return call;
    }

    /** The next CALL the server sent within {@code wait}, or null when none came. */
    public JsonArray pollServerCall(Duration wait) {
        try {
            return serverCalls.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Answers a server CALL with a CALLRESULT. */
    public void reply(JsonArray call, JsonObject payload) {
        send(Json.createArrayBuilder().add(3).add(call.getString(1)).add(payload).build().toString());
    }

    /** Answers a server CALL with a CALLERROR. */
    public void replyError(JsonArray call, String code, String description) {
        send(Json.createArrayBuilder().add(4).add(call.getString(1)).add(code).add(description)
                .add(JsonValue.EMPTY_JSON_OBJECT).build().toString());
    }

    /** Answers a server CALL with {@code {"status": status}}. */
    public void replyStatus(JsonArray call, String status) {
        reply(call, Json.createObjectBuilder().add("status", status).build());
    }

    public String id() {
        return chargePointId;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a CALL and returns the answer frame (CALLRESULT or CALLERROR) for its message id. */
    public JsonArray call(String action, JsonObject payload) {
        String id = "m" + nextId.getAndIncrement();
        send(Json.createArrayBuilder().add(2).add(id).add(action).add(payload).build().toString());
        while (true) {
            JsonArray frame = next();
            if (frame.size() > 1 && id.equals(frame.getString(1, null))) {
                return frame;
            }
        }
    }

    /** Sends a CALL and returns its CALLRESULT payload, failing on a CALLERROR. */
    public JsonObject callOk(String action, JsonObject payload) {
        JsonArray answer = call(action, payload);
        if (answer.getInt(0) != 3) {
            throw new AssertionError(action + " answered " + answer);
        }
        return answer.getJsonObject(2);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame the server sent, or an AssertionError after the timeout. */
    public JsonArray next() {
        try {
            String text = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("No frame from the server within " + TIMEOUT);
            }
            return Json.createReader(new StringReader(text)).readArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The close code the server closed with, waiting up to {@code timeout}. */
    public int awaitClose(Duration timeout) {
        try {
            return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Server did not close the socket within " + timeout, e);
        }
    }

    public boolean isOpen() {
        return !closeCode.isDone() && !socket.isInputClosed();
    }

    // ---- the messages of a charging session, as a real charger sends them

    public JsonObject boot(String vendor, String model) {
        return callOk("BootNotification", Json.createObjectBuilder().add("chargePointVendor", vendor)
                .add("chargePointModel", model).add("chargePointSerialNumber", "SN-" + Math.abs(chargePointId.hashCode()))
                .add("firmwareVersion", "1.2.3").build());
    }

    public JsonObject status(int connectorId, String status, String errorCode) {
        return callOk("StatusNotification", Json.createObjectBuilder().add("connectorId", connectorId)
                .add("status", status).add("errorCode", errorCode).add("timestamp", Instant.now().toString()).build());
    }

    public long startTransaction(int connectorId, String idTag, long meterStartWh, Instant at) {
        JsonObject answer = callOk("StartTransaction", Json.createObjectBuilder().add("connectorId", connectorId)
                .add("idTag", idTag).add("meterStart", meterStartWh).add("timestamp", at.toString()).build());
        return answer.getJsonNumber("transactionId").longValue();
    }

    /** MeterValues with one energy register reading (unit as given) and a power reading in W. */
    public JsonObject meterValues(int connectorId, long transactionId, Instant at, String energy, String unit,
            double powerW) {
        JsonObject meterValue = Json.createObjectBuilder().add("timestamp", at.toString())
                .add("sampledValue", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("value", energy).add("context", "Sample.Periodic")
                                .add("measurand", "Energy.Active.Import.Register").add("unit", unit))
                        .add(Json.createObjectBuilder().add("value", Double.toString(powerW))
                                .add("context", "Sample.Periodic").add("measurand", "Power.Active.Import")
                                .add("unit", "W")))
                .build();
        return callOk("MeterValues", Json.createObjectBuilder().add("connectorId", connectorId)
                .add("transactionId", transactionId).add("meterValue", Json.createArrayBuilder().add(meterValue))
                .build());
    }

    public JsonObject stopTransaction(long transactionId, long meterStopWh, Instant at, String reason) {
        return callOk("StopTransaction", Json.createObjectBuilder().add("transactionId", transactionId)
                .add("meterStop", meterStopWh).add("timestamp", at.toString()).add("reason", reason)
                .add("idTag", "TAG-1").build());
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    /** Server CALLs go to their own queue; answers and errors to ours. */
    private void route(String text) {
        try {
            JsonArray frame = Json.createReader(new StringReader(text)).readArray();
            if (frame.size() == 4 && frame.getInt(0) == 2) {
                serverCalls.add(frame);
                return;
            }
        } catch (RuntimeException notAFrame) {
            // left for next() to report
        }
        received.add(text);
    }

    /** Collects whole text messages and the close code. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private volatile ChargePointSimulator target;
        private final List<String> early = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (target != null) {
                    early.forEach(target::route);
                    early.clear();
                    target.route(text);
                } else {
                    early.add(text);
                }
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

    /** A JSON value for tests that build odd payloads. */
    public static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
