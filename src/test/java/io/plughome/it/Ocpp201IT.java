package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What only OCPP 2.0.1 has: its sub-protocol in odd lists, a charger changing version, transaction
 * events out of order, faults as events, the security log, the device model, the running cost
 * and the Basic auth password as a variable.
 */
class Ocpp201IT {

    private final String base = TestServer.baseUrl();

    private static JsonObject charger(String id) {
        return TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
    }

    private static List<JsonObject> sessions(String id) {
        return TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void aListWithAnEmptyEntryStillGetsOcpp201() throws Exception {
        URI uri = URI.create(base);
        String id = TestServer.uniqueId("ODDLIST");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ocpp/" + id + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ,ocpp2.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            assertTrue(status.contains(" 101 "), status);
            String protocol = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("sec-websocket-protocol:")) {
                    protocol = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            assertEquals("ocpp2.0.1", protocol);
        }
        try (ChargePointSimulator cp = ChargePointSimulator.connect(TestServer.wsUrl(base) + "/ocpp/" + id, id,
                "ocpp2.0.1", "ocpp1.6")) {
            assertEquals(Version.V201, cp.version(), "the first version offered that we speak");
        }
    }

    @Test
    void aChargerThatSwitchesVersionKeepsItsHistoryAndItsLimit() {
        String id = TestServer.uniqueId("SWITCH");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V16)) {
            String tx = cp.startSession(1, "TAG-S", 5_000, t0);
            cp.stopSession(tx, 8_000, t0.plusSeconds(600), "Local");
            TestServer.Answer limit = TestServer.send("PUT", "/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN,
                    "{\"maxPowerW\":7400}");
            assertEquals(200, limit.status(), limit.body());
            JsonArray profile = SmartChargingIT.nextProfileAfterClears(cp);
            assertTrue(profile.getJsonObject(3).containsKey("csChargingProfiles"));
        }
        assertEquals("ocpp1.6", charger(id).getString("protocol"));
        // after a firmware update it speaks 2.0.1: same charger, its limit sent again in the new words
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            assertEquals("ocpp2.0.1", charger(id).getString("protocol"));
            JsonArray profile = SmartChargingIT.nextProfileAfterClears(cp);
            JsonObject chargingProfile = profile.getJsonObject(3).getJsonObject("chargingProfile");
            assertEquals("ChargingStationMaxProfile", chargingProfile.getString("chargingProfilePurpose"));
            assertEquals("W", chargingProfile.getJsonArray("chargingSchedule").getJsonObject(0)
                    .getString("chargingRateUnit"));
            String tx = cp.startSession(1, "TAG-S", 8_000, t0.plusSeconds(3600));
            cp.stopSession(tx, 9_500, t0.plusSeconds(4200), "EVDisconnected");
        }
        List<JsonObject> history = sessions(id);
        assertEquals(2, history.size());
        assertTrue(history.get(0).getString("transactionId").startsWith("TX-"), "newest first: the 2.0.1 one");
        assertTrue(history.get(1).getString("transactionId").matches("\\d+"), "the 1.6 one, digits");
        assertEquals(1_500, history.get(0).getJsonNumber("energyWh").longValue());
        assertEquals(3_000, history.get(1).getJsonNumber("energyWh").longValue());
        assertEquals(1, charger(id).getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getInt("connectorId") == 1).count(), "connector 1 is still one connector");
    }

    @Test
    void transactionEventsOutOfOrderEndUpInOneSession() {
        String id = TestServer.uniqueId("ORDER");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        String tx = "late-start-" + System.nanoTime();
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            // the Updated (seqNo 1) arrives before the Started (seqNo 0), without an idToken yet
            JsonArray updated = cp.call("TransactionEvent", event("Updated", tx, 1, t0.plusSeconds(600),
                    "MeterValuePeriodic", reading(t0.plusSeconds(600), 12.5, "Sample.Periodic")).build());
            assertEquals(3, updated.getInt(0), updated.toString());
            JsonArray started = cp.call("TransactionEvent", event("Started", tx, 0, t0, "CablePluggedIn",
                    reading(t0, 10.0, "Transaction.Begin")).build());
            assertEquals(3, started.getInt(0), started.toString());
            // the idToken comes later, with Authorized; it is answered with its idTokenInfo
            JsonObject authorized = cp.callOk("TransactionEvent", event("Updated", tx, 2, t0.plusSeconds(700),
                    "Authorized", null).add("idToken", ChargePointSimulator.idToken("LATE-CARD")).build());
            assertEquals("Accepted", authorized.getJsonObject("idTokenInfo").getString("status"));
            // the same Updated again (a replay) adds nothing; a gap in seqNo is counted
            cp.callOk("TransactionEvent", event("Updated", tx, 1, t0.plusSeconds(600), "MeterValuePeriodic",
                    reading(t0.plusSeconds(600), 12.5, "Sample.Periodic")).build());
            cp.callOk("TransactionEvent", event("Ended", tx, 9, t0.plusSeconds(1800), "StopAuthorized",
                    reading(t0.plusSeconds(1800), 15.0, "Transaction.End")).build());
        }
        List<JsonObject> history = sessions(id);
        assertEquals(1, history.size(), history.toString());
        JsonObject session = history.get(0);
        assertEquals(tx, session.getString("transactionId"));
        assertEquals(t0, Instant.parse(session.getString("startedAt")), "moved back to the Started's time");
        assertEquals(10_000, session.getJsonNumber("meterStartWh").longValue());
        assertEquals(15_000, session.getJsonNumber("meterStopWh").longValue());
        assertEquals(5_000, session.getJsonNumber("energyWh").longValue());
        assertEquals("LATE-CARD", session.getString("idTag"));
        assertEquals("Local", session.getString("stopReason"), "no stoppedReason means Local");
        JsonObject detail = TestServer.get("/api/v1/sessions/" + session.getJsonNumber("id"), VIEWER_TOKEN).json();
        assertEquals(tx, detail.getString("transactionId"));
        assertTrue(charger(id).getJsonObject("deviations").containsKey("seq-no-gap"));
    }

    private static jakarta.json.JsonObjectBuilder event(String type, String tx, int seqNo, Instant at, String trigger,
            JsonObject meterValue) {
        jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder().add("eventType", type).add("timestamp", at.toString())
                .add("triggerReason", trigger).add("seqNo", seqNo)
                .add("transactionInfo", Json.createObjectBuilder().add("transactionId", tx))
                .add("evse", Json.createObjectBuilder().add("id", 1).add("connectorId", 1));
        if (meterValue != null) {
            b.add("meterValue", Json.createArrayBuilder().add(meterValue));
        }
        return b;
    }

    private static JsonObject reading(Instant at, double kWh, String context) {
        return Json.createObjectBuilder().add("timestamp", at.toString()).add("sampledValue", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("value", kWh).add("context", context)
                        .add("measurand", "Energy.Active.Import.Register")
                        .add("unitOfMeasure", Json.createObjectBuilder().add("unit", "kWh"))
                        .add("customData", Json.createObjectBuilder().add("vendorId", "com.example"))))
                .build();
    }

    @Test
    void problemsReportedAsEventsAreShownAsFaultsAndSecurityEventsAreKept() {
        String id = TestServer.uniqueId("EVENTS");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            cp.callOk("NotifyEvent", notifyEvent("ConnectorPlugRetentionLock", "Problem", "true", "LOCK-17"));
            JsonObject c1 = charger(id).getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getInt("connectorId") == 1).findFirst().orElseThrow();
            assertEquals("ConnectorLockFailure", c1.getString("errorCode"));
            assertEquals("LOCK-17", c1.getString("vendorErrorCode"));
            assertTrue(c1.getString("info").startsWith("ConnectorPlugRetentionLock.Problem=true"), c1.toString());
            cp.callOk("NotifyEvent", notifyEvent("ConnectorPlugRetentionLock", "Problem", "false", null));
            assertEquals("NoError", charger(id).getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getInt("connectorId") == 1).findFirst().orElseThrow().getString("errorCode"));

            cp.callOk("SecurityEventNotification", Json.createObjectBuilder().add("type", "FirmwareUpdated")
                    .add("timestamp", "2026-11-30T10:00:00Z").add("techInfo", "v2.4.1").build());
        }
        JsonObject log = TestServer.get("/api/v1/chargers/" + id + "/security-events", VIEWER_TOKEN).json();
        assertEquals(1, log.getInt("total"));
        JsonObject event = log.getJsonArray("items").getJsonObject(0);
        assertEquals("FirmwareUpdated", event.getString("type"));
        assertEquals("2026-11-30T10:00:00Z", event.getString("at"));
        assertEquals("v2.4.1", event.getString("techInfo"));
    }

    private static JsonObject notifyEvent(String component, String variable, String value, String techCode) {
        jakarta.json.JsonObjectBuilder data = Json.createObjectBuilder().add("eventId", 1)
                .add("timestamp", Instant.now().toString()).add("trigger", "Alerting").add("actualValue", value)
                .add("component", Json.createObjectBuilder().add("name", component)
                        .add("evse", Json.createObjectBuilder().add("id", 1).add("connectorId", 1)))
                .add("eventNotificationType", "HardWiredNotification")
                .add("variable", Json.createObjectBuilder().add("name", variable));
        if (techCode != null) {
            data.add("techCode", techCode);
        }
        return Json.createObjectBuilder().add("generatedAt", Instant.now().toString()).add("seqNo", 0)
                .add("eventData", Json.createArrayBuilder().add(data)).build();
    }

    @Test
    void theDeviceModelIsAskedForStoredAndShown() {
        String id = TestServer.uniqueId("MODEL");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            CompletableFuture<TestServer.Answer> refresh = TestServer.sendAsync("POST", "/api/v1/chargers/" + id
                    + "/device-model/refresh", ADMIN_TOKEN, null);
            JsonArray ask = cp.expectCall("GetBaseReport");
            assertEquals("FullInventory", ask.getJsonObject(3).getString("reportBase"));
            int requestId = ask.getJsonObject(3).getInt("requestId");
            cp.replyStatus(ask, "Accepted");
            assertEquals("Accepted", TestServer.await(refresh).json().getString("status"));
            cp.callOk("NotifyReport", Json.createObjectBuilder().add("requestId", requestId)
                    .add("generatedAt", Instant.now().toString()).add("seqNo", 0).add("tbc", false)
                    .add("reportData", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("component", Json.createObjectBuilder().add("name", "DeviceDataCtrlr"))
                            .add("variable", Json.createObjectBuilder().add("name", "ItemsPerMessage")
                                    .add("instance", "GetVariables"))
                            .add("variableAttribute", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                    .add("type", "Actual").add("value", "4").add("mutability", "ReadOnly")))
                            .add("variableCharacteristics", Json.createObjectBuilder().add("dataType", "integer")
                                    .add("supportsMonitoring", false))))
                    .build());
            // it takes 4 variables per GetVariables: a read of 6 goes out as 4 and 2, answered as one
            CompletableFuture<TestServer.Answer> read = TestServer.sendAsync("GET", "/api/v1/chargers/" + id
                    + "/configuration?key=Ctrlr.A&key=Ctrlr.B&key=Ctrlr.C&key=Ctrlr.D&key=Ctrlr.E&key=Ctrlr.F",
                    ADMIN_TOKEN, null);
            for (int size : new int[] {4, 2}) {
                JsonArray get = cp.expectCall("GetConfiguration");
                JsonArray asked = get.getJsonObject(3).getJsonArray("getVariableData");
                assertEquals(size, asked.size());
                jakarta.json.JsonArrayBuilder results = Json.createArrayBuilder();
                for (JsonObject data : asked.getValuesAs(JsonObject.class)) {
                    results.add(Json.createObjectBuilder().add("attributeStatus", "Accepted")
                            .add("attributeValue", "v-" + data.getJsonObject("variable").getString("name"))
                            .add("component", data.getJsonObject("component"))
                            .add("variable", data.getJsonObject("variable")));
                }
                cp.reply(get, Json.createObjectBuilder().add("getVariableResult", results).build());
            }
            JsonArray values = TestServer.await(read).json().getJsonArray("configurationKey");
            assertEquals(6, values.size(), values.toString());
            assertEquals("Ctrlr.F", values.getJsonObject(5).getString("key"));
            assertEquals("v-F", values.getJsonObject(5).getString("value"));
        }
        JsonObject model = TestServer.get("/api/v1/chargers/" + id + "/device-model", VIEWER_TOKEN).json();
        assertEquals(1, model.getInt("total"));
        JsonObject v = model.getJsonArray("items").getJsonObject(0);
        assertEquals("DeviceDataCtrlr", v.getString("component"));
        assertEquals("ItemsPerMessage", v.getString("variable"));
        assertEquals("GetVariables", v.getString("variableInstance"));
        assertEquals("4", v.getString("value"));
        assertEquals("ReadOnly", v.getString("mutability"));
        assertEquals("integer", v.getString("dataType"));
        // a 1.6 charger has no device model to ask for
        String old = TestServer.uniqueId("MODEL16");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, old, Version.V16)) {
            TestServer.Answer refused = TestServer.send("POST", "/api/v1/chargers/" + old + "/device-model/refresh",
                    ADMIN_TOKEN, null);
            assertEquals(400, refused.status(), refused.body());
            assertNull(cp.pollServerCall(Duration.ofMillis(300)));
        }
    }

    @Test
    void anAcceptedBasicAuthPasswordBecomesTheSharedSecret() {
        String id = TestServer.uniqueId("PWD201");
        String secret = "new-201-password-1";
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            CompletableFuture<TestServer.Answer> change = TestServer.sendAsync("POST", "/api/v1/chargers/" + id
                    + "/configuration", ADMIN_TOKEN, "{\"key\":\"SecurityCtrlr.BasicAuthPassword\",\"value\":\""
                    + secret + "\"}");
            JsonArray set = cp.expectCall("ChangeConfiguration");
            JsonObject data = set.getJsonObject(3).getJsonArray("setVariableData").getJsonObject(0);
            assertEquals("BasicAuthPassword", data.getJsonObject("variable").getString("name"));
            cp.reply(set, Json.createObjectBuilder().add("setVariableResult", Json.createArrayBuilder().add(
                    Json.createObjectBuilder().add("attributeStatus", "Accepted")
                            .add("component", data.getJsonObject("component"))
                            .add("variable", data.getJsonObject("variable")))).build());
            assertEquals("Accepted", TestServer.await(change).json().getString("status"));
        }
        assertTrue(charger(id).getBoolean("sharedSecretSet"));
        String audit = TestServer.get("/api/v1/audit?chargerId=" + id, ADMIN_TOKEN).body();
        assertFalse(audit.contains(secret), "never in the audit log");
        try (ChargePointSimulator cp = ChargePointSimulator.connect(HttpClient.newHttpClient(),
                TestServer.wsUrl(base) + "/ocpp/" + id, id, secret, "ocpp2.0.1")) {
            assertEquals("Accepted", cp.bootUp("Acme", "Secure").getString("status"));
        }
    }

    @Test
    void withATariffTheChargerIsToldTheRunningCost() {
        String id = TestServer.uniqueId("COST");
        TestServer.Answer before = TestServer.get("/api/v1/tariff", VIEWER_TOKEN);
        assertEquals(200, TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN,
                "{\"pricePerKwh\":0.30,\"currency\":\"EUR\"}").status());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            String tx = cp.startSession(1, "CARD-C", 100_000, Instant.now().minusSeconds(60));
            JsonObject answer = cp.meter(1, tx, Instant.now(), 110_000, 11_000);
            assertEquals(3.0, answer.getJsonNumber("totalCost").doubleValue(), 0.001, "10 kWh at 0.30");
        } finally {
            restoreTariff(before);
        }
    }

    private static void restoreTariff(TestServer.Answer before) {
        JsonObject tariff = before.json();
        if (tariff.isNull("pricePerKwh")) {
            TestServer.send("DELETE", "/api/v1/tariff", ADMIN_TOKEN, null);
        } else {
            TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN, Json.createObjectBuilder()
                    .add("pricePerKwh", tariff.getJsonNumber("pricePerKwh")).add("currency", tariff.getString("currency"))
                    .build().toString());
        }
    }
}
