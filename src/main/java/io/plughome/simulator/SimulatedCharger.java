package io.plughome.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated charger with one connector, speaking OCPP 1.6J or 2.0.1 over a real WebSocket.
 * It boots, reports its connector, and then lives like a home charger: a car plugs in, charges
 * (at the lower of the car's current and what the charging profiles allow; paused below 6 A),
 * gets full, and unplugs. It obeys remote start and stop, charging profiles, resets,
 * availability, triggers and configuration; it reconnects after a lost connection without
 * booting again, as real chargers do. Everything runs on one thread per charger, so its state
 * needs no locks; the WebSocket listener only hands frames over.
 */
public final class SimulatedCharger implements AutoCloseable {

    /** What a simulated charger is and does. */
    public record Options(String url, String id, String protocol, String password, HttpClient client,
            int meterIntervalSeconds, double carMaxCurrentA, int phases, double voltage, boolean autoStart,
            String idTag, double sessionKwh, int plugInDelaySeconds, int faultAfterSeconds,
            int reconnectAfterSeconds, PrintStream log) {

        public boolean v201() {
            return protocol.contains("2.0.1");
        }

        /** The same charger under another id (each simulated charger of a run gets its own). */
        public Options withId(String newId) {
            return new Options(url, newId, protocol, password, client, meterIntervalSeconds, carMaxCurrentA, phases,
                    voltage, autoStart, idTag, sessionKwh, plugInDelaySeconds, faultAfterSeconds,
                    reconnectAfterSeconds, log);
        }
    }

    /** The least current most cars charge at (IEC 61851): below it the charger pauses. */
    public static final double MIN_CURRENT_A = 6.0;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int FAULT_SECONDS = 30;
    private static final int UNPLUG_AFTER_FULL_SECONDS = 10;

    private final Options options;
    private final ScheduledExecutorService thread;
    private final Map<String, CompletableFuture<JsonArray>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final ChargingLimits limits;
    private final Instant startedAt = Instant.now();

    private volatile WebSocket socket;
    private volatile boolean closing;
    private boolean booted;
    private int heartbeatSeconds = 300;
    private Instant lastHeartbeat = Instant.now();
    private int reconnectDelaySeconds = 1;

    // the connector and the car
    private boolean plugged;
    private Instant plugInAt;
    private String status = "";
    private String errorCode = "NoError";
    private boolean available = true;
    private Instant faultUntil;
    private boolean faultDone;
    private boolean reconnectDone;
    private Instant unplugAt;
    /** A session ended with the car still plugged in: Finishing until it unplugs or a new start. */
    private boolean finished;

    // the transaction
    private String transactionId;
    private int seqNo;
    private double registerWh;
    private double sessionStartWh;
    private double currentA;
    private double powerW;
    private Instant lastTick;
    private Instant lastMeter = Instant.EPOCH;
    private Integer remoteStartId;
    private String chargingState;
    /** The connector status a 2.0.1 charger last reported (Available, Occupied, Faulted, ...). */
    private String reported201;

    public SimulatedCharger(Options options) {
        this.options = options;
        this.limits = new ChargingLimits(options.voltage(), options.phases());
        this.registerWh = 1_000_000 + Math.abs(options.id().hashCode() % 5_000_000);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-" + options.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects, boots and starts living; returns at once. */
    public SimulatedCharger start() {
        plugInAt = Instant.now().plusSeconds(options.plugInDelaySeconds());
        thread.execute(this::connect);
        thread.scheduleWithFixedDelay(this::safeTick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public String id() {
        return options.id();
    }

    // ---- what tests and the command line may ask of it (each runs on the charger's thread)

    /** The car plugs in now (the connector goes Preparing / Occupied). */
    public void plugIn() {
        thread.execute(() -> {
            if (!plugged) {
                plugged = true;
                reportStatus();
            }
        });
    }

    /** The charger's present state, for a person watching: status, current, power and transaction. */
    public String describe() {
        return String.format("%s %s%s %.1f A %.0f W%s", options.id(), status,
                "NoError".equals(errorCode) ? "" : " (" + errorCode + ")", currentA, powerW,
                transactionId == null ? "" : " tx " + transactionId);
    }

    public boolean connected() {
        return socket != null && !socket.isInputClosed();
    }

    @Override
    public void close() {
        closing = true;
        thread.shutdownNow();
        WebSocket s = socket;
        if (s != null) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "simulator stopped").exceptionally(e -> null);
            s.abort();
        }
    }

    // ---- the connection

    private void connect() {
        if (closing) {
            return;
        }
        try {
            WebSocket.Builder builder = options.client().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .subprotocols(options.protocol());
            if (options.password() != null) {
                builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (options.id() + ":" + options.password()).getBytes(StandardCharsets.UTF_8)));
            }
            socket = builder.buildAsync(URI.create(options.url() + "/" + options.id()), new Listener()).join();
            reconnectDelaySeconds = 1;
            log("connected (" + socket.getSubprotocol() + ")");
            if (!booted) {
                boot();
            } else {
                log("reconnected without a new boot");
                lastHeartbeat = Instant.EPOCH;
            }
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log("cannot connect: " + cause + "; trying again in " + reconnectDelaySeconds + " s");
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closing) {
            return;
        }
        int delay = reconnectDelaySeconds;
        reconnectDelaySeconds = Math.min(60, reconnectDelaySeconds * 2);
        thread.schedule(this::connect, delay, TimeUnit.SECONDS);
    }

    private void boot() {
        JsonObject answer = call("BootNotification", options.v201()
                ? Json.createObjectBuilder().add("reason", "PowerUp").add("chargingStation", Json.createObjectBuilder()
                        .add("vendorName", "PlugHome").add("model", "Simulator").add("serialNumber", serial())
                        .add("firmwareVersion", "sim-1.0")).build()
                : Json.createObjectBuilder().add("chargePointVendor", "PlugHome").add("chargePointModel", "Simulator")
                        .add("chargePointSerialNumber", serial()).add("firmwareVersion", "sim-1.0").build());
        if (answer == null) {
            return;
        }
        String bootStatus = answer.getString("status", "Rejected");
        int interval = answer.getInt("interval", 60);
        log("BootNotification: " + bootStatus + " (interval " + interval + " s)");
        if (!"Accepted".equals(bootStatus)) {
            // Pending or Rejected: ask again after the interval; a Pending charger answers calls meanwhile.
            thread.schedule(this::boot, Math.max(5, interval), TimeUnit.SECONDS);
            return;
        }
        booted = true;
        reported201 = null;
        heartbeatSeconds = interval > 0 ? interval : 300;
        lastHeartbeat = Instant.now();
        status = "";
        reportStatus();
    }

    private String serial() {
        return "SIM-" + Integer.toHexString(options.id().hashCode()).toUpperCase();
    }

    /** Drops the connection as a flaky network would, and reconnects a few seconds later. */
    private void dropConnection() {
        log("dropping the connection (simulated network loss)");
        abandonSocket();
        thread.schedule(this::connect, 3, TimeUnit.SECONDS);
    }

    /** Forgets the socket first, so that its listener's close is not taken for a lost connection. */
    private void abandonSocket() {
        WebSocket s = socket;
        socket = null;
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection closed")));
        if (s != null) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
            s.abort();
        }
    }

    // ---- the life of the connector, once a second

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log("error: " + e);
        }
    }

    private void tick() {
        Instant now = Instant.now();
        double seconds = lastTick == null ? 0 : Duration.between(lastTick, now).toMillis() / 1000.0;
        lastTick = now;
        if (!booted || !connected()) {
            return;
        }
        if (Duration.between(lastHeartbeat, now).toSeconds() >= heartbeatSeconds) {
            call("Heartbeat", JsonValue.EMPTY_JSON_OBJECT);
            lastHeartbeat = now;
        }
        long alive = Duration.between(startedAt, now).toSeconds();
        if (options.faultAfterSeconds() > 0 && !faultDone && alive >= options.faultAfterSeconds()) {
            faultDone = true;
            fault(now);
        }
        if (options.reconnectAfterSeconds() > 0 && !reconnectDone && alive >= options.reconnectAfterSeconds()) {
            reconnectDone = true;
            dropConnection();
            return;
        }
        if (faultUntil != null) {
            if (now.isBefore(faultUntil)) {
                return;
            }
            faultUntil = null;
            errorCode = "NoError";
            log("fault cleared");
            reportStatus();
        }
        if (!plugged && plugInAt != null && !now.isBefore(plugInAt)) {
            plugInAt = null;
            plugged = true;
            log("a car plugged in");
            reportStatus();
        }
        if (plugged && transactionId == null && options.autoStart() && available && unplugAt == null
                && "Preparing".equals(status)) {
            startTransaction(options.idTag(), null);
        }
        if (transactionId != null) {
            charge(now, seconds);
        }
        if (unplugAt != null && !now.isBefore(unplugAt)) {
            unplugAt = null;
            unplug(now);
        }
    }

    /** Moves energy: the car takes the lower of its own maximum and what the profiles allow. */
    private void charge(Instant now, double seconds) {
        registerWh += powerW * seconds / 3600.0;
        double allowed = Math.min(options.carMaxCurrentA(),
                limits.allowedCurrent(1, now).orElse(options.carMaxCurrentA()));
        boolean full = registerWh - sessionStartWh >= options.sessionKwh() * 1000;
        String next;
        if (full) {
            currentA = 0;
            next = "SuspendedEV";
            if (unplugAt == null && options.autoStart()) {
                log("the car is full");
                unplugAt = now.plusSeconds(UNPLUG_AFTER_FULL_SECONDS);
            }
        } else if (allowed < MIN_CURRENT_A || !available) {
            currentA = 0;
            next = "SuspendedEVSE";
        } else {
            // A real car draws a little under what it is offered.
            currentA = Math.round(allowed * 0.98 * 10) / 10.0;
            next = "Charging";
        }
        powerW = Math.round(currentA * options.voltage() * options.phases());
        if (!next.equals(status)) {
            status = next;
            sendStatus();
            if (options.v201()) {
                // Stamped after the status just sent: the server orders a connector's news by time.
                transactionEvent("Updated", "ChargingStateChanged", next, null, null, Instant.now());
            }
        }
        if (Duration.between(lastMeter, now).toSeconds() >= options.meterIntervalSeconds()) {
            lastMeter = now;
            sendMeterValues(now);
        }
    }

    private void fault(Instant now) {
        log("ground fault!");
        errorCode = "GroundFailure";
        faultUntil = now.plusSeconds(FAULT_SECONDS);
        if (transactionId != null) {
            stopTransaction(now, options.v201() ? "GroundFault" : "Other", "AbnormalCondition");
        }
        reportStatus();
    }

    private void unplug(Instant now) {
        if (transactionId != null) {
            stopTransaction(now, "EVDisconnected", "EVDeparted");
        }
        plugged = false;
        finished = false;
        log("the car unplugged");
        reportStatus();
        if (options.autoStart()) {
            plugInAt = now.plusSeconds(Math.max(5, options.plugInDelaySeconds()));
        }
    }

    /** The connector's 1.6 status word from its state, reported when it changed. */
    private void reportStatus() {
        String next;
        if (faultUntil != null) {
            next = "Faulted";
        } else if (!available && transactionId == null) {
            next = "Unavailable";
        } else if (transactionId != null) {
            next = status.startsWith("Suspended") || "Charging".equals(status) ? status : "Charging";
        } else if (plugged) {
            next = finished ? "Finishing" : "Preparing";
        } else {
            next = "Available";
        }
        if (!next.equals(status)) {
            status = next;
            sendStatus();
        }
    }

    private void sendStatus() {
        if (!connected()) {
            return;
        }
        log("status " + status + ("NoError".equals(errorCode) ? "" : " " + errorCode));
        if (options.v201()) {
            String connectorStatus = switch (status) {
                case "Available", "Unavailable", "Faulted", "Reserved" -> status;
                default -> "Occupied";
            };
            if (connectorStatus.equals(reported201)) {
                return; // 2.0.1 tells how an occupied connector charges in its transaction's events
            }
            reported201 = connectorStatus;
            call("StatusNotification", Json.createObjectBuilder().add("timestamp", Instant.now().toString())
                    .add("connectorStatus", connectorStatus).add("evseId", 1).add("connectorId", 1).build());
        } else {
            call("StatusNotification", Json.createObjectBuilder().add("connectorId", 1).add("status", status)
                    .add("errorCode", errorCode).add("timestamp", Instant.now().toString()).build());
        }
    }

    // ---- transactions

    private void startTransaction(String idTag, Integer remoteId) {
        Instant now = Instant.now();
        if (!plugged) {
            plugged = true;
            plugInAt = null;
            reportStatus();
        }
        sessionStartWh = Math.floor(registerWh);
        unplugAt = null;
        finished = false;
        lastMeter = now;
        if (options.v201()) {
            transactionId = UUID.randomUUID().toString();
            seqNo = 0;
            remoteStartId = remoteId;
            chargingState = null;
            transactionEvent("Started", remoteId != null ? "RemoteStart" : "Authorized", "EVConnected",
                    Json.createObjectBuilder().add("idToken", idTag).add("type", "ISO14443").build(),
                    energy(now, "Transaction.Begin", false), now);
        } else {
            JsonObject answer = call("StartTransaction", Json.createObjectBuilder().add("connectorId", 1)
                    .add("idTag", idTag).add("meterStart", (long) sessionStartWh).add("timestamp", now.toString())
                    .build());
            if (answer == null) {
                return;
            }
            transactionId = Long.toString(answer.getJsonNumber("transactionId").longValue());
            String verdict = answer.getJsonObject("idTagInfo").getString("status", "Invalid");
            if (!"Accepted".equals(verdict)) {
                log("idTag " + idTag + " was answered " + verdict + ": stopping");
                stopTransaction(now, "DeAuthorized", "Deauthorized");
                reportStatus();
                return;
            }
        }
        log("transaction " + transactionId + " started for " + idTag);
        status = "Preparing";
        charge(now, 0);
    }

    private void stopTransaction(Instant now, String reason, String trigger) {
        String tx = transactionId;
        if (tx == null) {
            return;
        }
        if (options.v201()) {
            transactionEvent("Ended", trigger, "EVDisconnected".equals(reason) ? "Idle" : "EVConnected", null,
                    energy(now, "Transaction.End", false), now, reason);
        } else {
            call("StopTransaction", Json.createObjectBuilder().add("transactionId", Long.parseLong(tx))
                    .add("meterStop", (long) Math.floor(registerWh)).add("timestamp", now.toString())
                    .add("reason", reason).build());
        }
        log(String.format("transaction %s stopped (%s), %.2f kWh", tx, reason,
                (Math.floor(registerWh) - sessionStartWh) / 1000));
        transactionId = null;
        remoteStartId = null;
        currentA = 0;
        powerW = 0;
        limits.transactionEnded();
        finished = plugged;
    }

    private void sendMeterValues(Instant now) {
        if (options.v201()) {
            transactionEvent("Updated", "MeterValuePeriodic", null, null, energy(now, "Sample.Periodic", true), now);
        } else {
            call("MeterValues", Json.createObjectBuilder().add("connectorId", 1)
                    .add("transactionId", Long.parseLong(transactionId))
                    .add("meterValue", Json.createArrayBuilder().add(energy(now, "Sample.Periodic", true))).build());
        }
    }

    /** A meter value: the energy register, and with {@code live} the power and current. */
    private JsonObject energy(Instant at, String context, boolean live) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        long wh = (long) Math.floor(registerWh);
        if (options.v201()) {
            values.add(sample(Json.createValue(wh / 1000.0), context, "Energy.Active.Import.Register", "kWh"));
            if (live) {
                values.add(sample(Json.createValue(powerW), context, "Power.Active.Import", "W"));
                values.add(sample(Json.createValue(currentA), context, "Current.Import", "A"));
            }
        } else {
            values.add(sample(Json.createValue(Long.toString(wh)), context, "Energy.Active.Import.Register", "Wh"));
            if (live) {
                values.add(sample(Json.createValue(Double.toString(powerW)), context, "Power.Active.Import", "W"));
                values.add(sample(Json.createValue(Double.toString(currentA)), context, "Current.Import", "A"));
            }
        }
        return Json.createObjectBuilder().add("timestamp", at.toString()).add("sampledValue", values).build();
    }

    private JsonObject sample(JsonValue value, String context, String measurand, String unit) {
        JsonObjectBuilder sample = Json.createObjectBuilder().add("value", value).add("context", context)
                .add("measurand", measurand);
        if (options.v201()) {
            sample.add("unitOfMeasure", Json.createObjectBuilder().add("unit", unit));
        } else {
            sample.add("unit", unit);
        }
        return sample.build();
    }

    private void transactionEvent(String type, String trigger, String state, JsonObject idToken, JsonObject meter,
            Instant at) {
        transactionEvent(type, trigger, state, idToken, meter, at, null);
    }

    private void transactionEvent(String type, String trigger, String state, JsonObject idToken, JsonObject meter,
            Instant at, String stoppedReason) {
        JsonObjectBuilder info = Json.createObjectBuilder().add("transactionId", transactionId);
        if (state != null && !state.equals(chargingState)) {
            info.add("chargingState", state);
            chargingState = state;
        }
        if (stoppedReason != null) {
            info.add("stoppedReason", stoppedReason);
        }
        if (remoteStartId != null && "Started".equals(type)) {
            info.add("remoteStartId", remoteStartId);
        }
        JsonObjectBuilder event = Json.createObjectBuilder().add("eventType", type).add("timestamp", at.toString())
                .add("triggerReason", trigger).add("seqNo", seqNo++).add("transactionInfo", info)
                .add("evse", Json.createObjectBuilder().add("id", 1).add("connectorId", 1));
        if (idToken != null) {
            event.add("idToken", idToken);
        }
        if (meter != null) {
            event.add("meterValue", Json.createArrayBuilder().add(meter));
        }
        call("TransactionEvent", event.build());
    }

    // ---- calls from the server

    private void handle(JsonArray frame) {
        String messageId = frame.getString(1);
        String action = frame.getString(2);
        JsonObject payload = frame.getJsonObject(3);
        log("server asks " + action + " " + payload);
        Runnable after = null;
        JsonObject answer;
        switch (action) {
            case "RemoteStartTransaction", "RequestStartTransaction" -> {
                boolean ok = transactionId == null && faultUntil == null && available && booted;
                answer = status(ok ? "Accepted" : "Rejected");
                if (ok) {
                    String idTag = options.v201() ? payload.getJsonObject("idToken").getString("idToken")
                            : payload.getString("idTag");
                    Integer remoteId = payload.containsKey("remoteStartId") ? payload.getInt("remoteStartId") : null;
                    if (payload.containsKey("chargingProfile")) {
                        limits.set(Json.createObjectBuilder().add("evseId", 1)
                                .add("chargingProfile", payload.getJsonObject("chargingProfile")).build(), Instant.now());
                    }
                    after = () -> startTransaction(idTag, remoteId);
                }
            }
            case "RemoteStopTransaction", "RequestStopTransaction" -> {
                String asked = options.v201() ? payload.getString("transactionId")
                        : payload.get("transactionId").toString();
                boolean ok = asked.equals(transactionId);
                answer = status(ok ? "Accepted" : "Rejected");
                if (ok) {
                    after = () -> {
                        stopTransaction(Instant.now(), "Remote", "RemoteStop");
                        reportStatus();
                    };
                }
            }
            case "SetChargingProfile" -> {
                boolean ok;
                try {
                    ok = limits.set(payload, Instant.now());
                } catch (RuntimeException e) {
                    ok = false;
                }
                answer = status(ok ? "Accepted" : "Rejected");
                if (ok) {
                    log("charging profiles now allow " + limits.allowedCurrent(1, Instant.now())
                            .map(a -> String.format("%.1f A", a)).orElse("any current"));
                }
            }
            case "ClearChargingProfile" -> answer = status(limits.clear(payload) ? "Accepted" : "Unknown");
            case "GetCompositeSchedule" -> answer = status("Rejected");
            case "Reset" -> {
                answer = status("Accepted");
                after = this::reset;
            }
            case "ChangeAvailability" -> {
                String wanted = payload.getString(options.v201() ? "operationalStatus" : "type", "Operative");
                boolean operative = wanted.startsWith("Operative");
                answer = status(transactionId != null && !operative ? "Scheduled" : "Accepted");
                after = () -> {
                    available = operative;
                    reportStatus();
                };
            }
            case "UnlockConnector" -> {
                answer = status("Unlocked");
                after = () -> {
                    if (transactionId != null) {
                        stopTransaction(Instant.now(), options.v201() ? "Other" : "UnlockCommand", "UnlockCommand");
                        reportStatus();
                    }
                };
            }
            case "TriggerMessage" -> {
                String message = payload.getString("requestedMessage", "");
                boolean known = switch (message) {
                    case "BootNotification", "Heartbeat", "StatusNotification", "MeterValues" -> true;
                    default -> false;
                };
                answer = status(known ? "Accepted" : "NotImplemented");
                if (known) {
                    after = () -> triggered(message);
                }
            }
            case "GetConfiguration" -> answer = configuration(payload);
            case "ChangeConfiguration" -> answer = status(changeSetting(payload.getString("key"),
                    payload.getString("value")) ? "Accepted" : "NotSupported");
            case "GetVariables" -> answer = variables(payload);
            case "SetVariables" -> answer = setVariables(payload);
            case "GetLocalListVersion" -> answer = Json.createObjectBuilder()
                    .add(options.v201() ? "versionNumber" : "listVersion", 0).build();
            case "SendLocalList" -> answer = status("Accepted");
            case "ClearCache" -> answer = status("Accepted");
            case "DataTransfer" -> answer = status("UnknownVendorId");
            case "GetBaseReport" -> answer = status("NotSupported");
            default -> answer = null;
        }
        if (answer == null) {
            sendFrame(Json.createArrayBuilder().add(4).add(messageId).add("NotImplemented")
                    .add("The simulator does not do " + action).add(JsonValue.EMPTY_JSON_OBJECT).build());
        } else {
            sendFrame(Json.createArrayBuilder().add(3).add(messageId).add(answer).build());
        }
        if (after != null) {
            after.run();
        }
    }

    private static JsonObject status(String status) {
        return Json.createObjectBuilder().add("status", status).build();
    }

    private void triggered(String message) {
        switch (message) {
            case "BootNotification" -> {
                booted = false;
                boot();
            }
            case "Heartbeat" -> call("Heartbeat", JsonValue.EMPTY_JSON_OBJECT);
            case "StatusNotification" -> {
                reported201 = null;
                sendStatus();
            }
            case "MeterValues" -> {
                if (transactionId != null) {
                    sendMeterValues(Instant.now());
                }
            }
            default -> { }
        }
    }

    private void reset() {
        log("resetting");
        if (transactionId != null) {
            stopTransaction(Instant.now(), options.v201() ? "Reboot" : "SoftReset", "ResetCommand");
        }
        booted = false;
        status = "";
        abandonSocket();
        thread.schedule(this::connect, 3, TimeUnit.SECONDS);
    }

    private JsonObject configuration(JsonObject payload) {
        Map<String, String> known = settings();
        JsonArrayBuilder keys = Json.createArrayBuilder();
        JsonArrayBuilder unknown = Json.createArrayBuilder();
        JsonArray asked = payload.getJsonArray("key");
        for (String key : asked == null || asked.isEmpty() ? known.keySet()
                : asked.getValuesAs(jakarta.json.JsonString::getString)) {
            if (known.containsKey(key)) {
                keys.add(Json.createObjectBuilder().add("key", key).add("readonly", key.equals("NumberOfConnectors"))
                        .add("value", known.get(key)));
            } else {
                unknown.add(key);
            }
        }
        return Json.createObjectBuilder().add("configurationKey", keys).add("unknownKey", unknown).build();
    }

    private Map<String, String> settings() {
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("HeartbeatInterval", Integer.toString(heartbeatSeconds));
        s.put("MeterValueSampleInterval", Integer.toString(options.meterIntervalSeconds()));
        s.put("NumberOfConnectors", "1");
        return s;
    }

    private boolean changeSetting(String key, String value) {
        try {
            switch (key) {
                case "HeartbeatInterval" -> heartbeatSeconds = Math.max(1, Integer.parseInt(value));
                case "MeterValueSampleInterval", "SampledDataCtrlr.TxUpdatedInterval", "TxUpdatedInterval" -> { }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private JsonObject variables(JsonObject payload) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (JsonValue v : payload.getJsonArray("getVariableData")) {
            JsonObject data = v.asJsonObject();
            String variable = data.getJsonObject("variable").getString("name");
            String value = switch (variable) {
                case "Interval" -> Integer.toString(heartbeatSeconds);
                case "TxUpdatedInterval" -> Integer.toString(options.meterIntervalSeconds());
                default -> null;
            };
            JsonObjectBuilder result = Json.createObjectBuilder()
                    .add("attributeStatus", value == null ? "UnknownVariable" : "Accepted")
                    .add("component", data.getJsonObject("component")).add("variable", data.getJsonObject("variable"));
            if (value != null) {
                result.add("attributeValue", value);
            }
            results.add(result);
        }
        return Json.createObjectBuilder().add("getVariableResult", results).build();
    }

    private JsonObject setVariables(JsonObject payload) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (JsonValue v : payload.getJsonArray("setVariableData")) {
            JsonObject data = v.asJsonObject();
            String variable = data.getJsonObject("variable").getString("name");
            boolean ok = changeSetting("Interval".equals(variable) ? "HeartbeatInterval" : variable,
                    data.getString("attributeValue"));
            results.add(Json.createObjectBuilder().add("attributeStatus", ok ? "Accepted" : "UnknownVariable")
                    .add("component", data.getJsonObject("component")).add("variable", data.getJsonObject("variable")));
        }
        return Json.createObjectBuilder().add("setVariableResult", results).build();
    }

    // ---- frames

    /** Sends a CALL and waits for its answer; null (and logged) on a CALLERROR, a timeout or no connection. */
    private JsonObject call(String action, JsonObject payload) {
        if (!connected()) {
            return null;
        }
        String messageId = Integer.toString(nextId.getAndIncrement());
        CompletableFuture<JsonArray> answer = new CompletableFuture<>();
        pending.put(messageId, answer);
        try {
            sendFrame(Json.createArrayBuilder().add(2).add(messageId).add(action).add(payload).build());
            JsonArray frame = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (frame.getInt(0) == 3) {
                return frame.getJsonObject(2);
            }
            log(action + " was refused: " + frame);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log(action + " got no answer: " + e);
            return null;
        } finally {
            pending.remove(messageId);
        }
    }

    private void sendFrame(JsonArray frame) {
        WebSocket s = socket;
        if (s != null && !s.isOutputClosed()) {
            s.sendText(frame.toString(), true).join();
        }
    }

    private void received(String text) {
        JsonArray frame;
        try {
            frame = Json.createReader(new StringReader(text)).readArray();
        } catch (RuntimeException e) {
            log("the server sent what is not an OCPP frame: " + text);
            return;
        }
        int type = frame.getInt(0);
        if (type == 2) {
            thread.execute(() -> {
                try {
                    handle(frame);
                } catch (RuntimeException e) {
                    log("could not handle " + frame + ": " + e);
                    sendFrame(Json.createArrayBuilder().add(4).add(frame.getString(1)).add("InternalError")
                            .add(String.valueOf(e.getMessage())).add(JsonValue.EMPTY_JSON_OBJECT).build());
                }
            });
        } else {
            CompletableFuture<JsonArray> waiting = pending.get(frame.getString(1));
            if (waiting != null) {
                waiting.complete(frame);
            }
        }
    }

    private void closed(int code, String reason) {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection closed")));
        if (!closing) {
            log("connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason)
                    + "); reconnecting");
            thread.execute(this::scheduleReconnect);
        }
    }

    private void log(String message) {
        if (options.log() != null) {
            options.log().println(Instant.now().toString().substring(11, 19) + " " + options.id() + ": " + message);
        }
    }

    /** Collects whole text messages and hands them to the charger. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (webSocket == socket) {
                closed(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (webSocket == socket) {
                closed(1006, String.valueOf(error.getMessage()));
            }
        }
    }
}
