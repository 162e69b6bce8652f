package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One suite, both OCPP versions: a charger that speaks 1.6 and one that speaks 2.0.1 charge, are
 * controlled, limited and refused the same way through the same API; only the frames on the wire
 * differ, and each test checks them in the charger's own words.
 */
class OcppVersionsIT {

    private final String base = TestServer.baseUrl();

    private static CompletableFuture<TestServer.Answer> post(String id, String command, String body) {
        return TestServer.sendAsync("POST", "/api/v1/chargers/" + id + "/" + command, ADMIN_TOKEN, body);
    }

    private static JsonObject charger(String id) {
        return TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
    }

    private static JsonObject connector(JsonObject charger, int connectorId) {
        return charger.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getInt("connectorId") == connectorId).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aSessionIsRecordedWithItsEnergyTheSameWay(Version version) {
        String id = TestServer.uniqueId("VER-S-" + version.name());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        try (ChargePointSimulator cp = ChargePointSimulator.connect(base, id, version)) {
            assertEquals(version, cp.version());
            JsonObject boot = cp.bootUp("Acme", "Wallbox 22");
            assertEquals("Accepted", boot.getString("status"));
            assertEquals(5, boot.getInt("interval"));
            cp.connectorStatus(1, "Preparing");

            String tx = cp.startSession(1, "TAG-V", 1_000_000, start);
            cp.connectorStatus(1, "Charging");
            cp.meter(1, tx, start.plusSeconds(300), 1_003_500, 7200);

            JsonObject live = charger(id);
            assertEquals(version.subprotocol, live.getString("protocol"));
            assertEquals("Acme", live.getString("vendor"));
            assertEquals("Wallbox 22", live.getString("model"));
            assertEquals("1.2.3", live.getString("firmwareVersion"));
            JsonObject active = live.getJsonObject("activeSession");
            assertEquals(tx, active.getString("transactionId"));
            assertEquals(3500, active.getJsonNumber("energyWh").longValue());
            assertEquals(7200.0, active.getJsonNumber("powerW").doubleValue());
            assertEquals("TAG-V", active.getString("idTag"));
            JsonObject c1 = connector(live, 1);
            assertEquals("Charging", c1.getString("status"));
            assertEquals("NoError", c1.getString("errorCode"));
            assertEquals(1, c1.getInt("evseId"));

            cp.stopSession(tx, 1_007_250, start.plusSeconds(900), "EVDisconnected");
            cp.connectorStatus(1, "Available");
        }
        JsonObject page = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json();
        assertEquals(1, page.getInt("total"));
        JsonObject session = page.getJsonArray("items").getJsonObject(0);
        assertEquals(7250, session.getJsonNumber("energyWh").longValue());
        assertEquals(1_000_000, session.getJsonNumber("meterStartWh").longValue());
        assertEquals(1_007_250, session.getJsonNumber("meterStopWh").longValue());
        assertEquals("EVDisconnected", session.getString("stopReason"));
        assertEquals(start, Instant.parse(session.getString("startedAt")));
        assertEquals(start.plusSeconds(900), Instant.parse(session.getString("stoppedAt")));
        assertEquals("Accepted", session.getString("authorization"));
        if (version == Version.V201) {
            assertEquals("ISO14443", session.getString("idTagType"), "the token's type is kept");
        } else {
            assertTrue(session.isNull("idTagType"));
        }
        assertEquals(JsonValue.NULL, charger(id).get("activeSession"));
        assertEquals("Available", connector(charger(id), 1).getString("status"));
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void remoteStartAndStopGoOutInTheChargersWords(Version version) {
        String id = TestServer.uniqueId("VER-C-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            CompletableFuture<TestServer.Answer> start = post(id, "remote-start", "{\"connectorId\":1,\"idTag\":\"CARD-9\"}");
            JsonArray call = cp.expectCall("RemoteStartTransaction");
            JsonObject payload = call.getJsonObject(3);
            if (version == Version.V16) {
                assertEquals("CARD-9", payload.getString("idTag"));
                assertEquals(1, payload.getInt("connectorId"));
            } else {
                assertEquals("CARD-9", payload.getJsonObject("idToken").getString("idToken"));
                assertEquals("Central", payload.getJsonObject("idToken").getString("type"));
                assertEquals(1, payload.getInt("evseId"));
                assertTrue(payload.getInt("remoteStartId") > 0);
            }
            cp.replyStatus(call, "Accepted");
            assertEquals("Accepted", TestServer.await(start).json().getString("status"));

            String tx = cp.startSession(1, "CARD-9", 0, Instant.now());
            CompletableFuture<TestServer.Answer> stop = post(id, "remote-stop", "{}");
            JsonArray stopCall = cp.expectCall("RemoteStopTransaction");
            assertEquals(tx, version == Version.V16
                    ? Long.toString(stopCall.getJsonObject(3).getJsonNumber("transactionId").longValue())
                    : stopCall.getJsonObject(3).getString("transactionId"));
            cp.replyStatus(stopCall, "Accepted");
            assertEquals(200, TestServer.await(stop).status());

            CompletableFuture<TestServer.Answer> reset = post(id, "reset", "{\"type\":\"Hard\"}");
            JsonArray resetCall = cp.expectCall("Reset");
            assertEquals(version == Version.V16 ? "Hard" : "Immediate", resetCall.getJsonObject(3).getString("type"));
            cp.replyStatus(resetCall, "Rejected");
            assertEquals("Rejected", TestServer.await(reset).json().getString("status"));

            CompletableFuture<TestServer.Answer> unlock = post(id, "unlock", "{\"connectorId\":1}");
            JsonArray unlockCall = cp.expectCall("UnlockConnector");
            if (version == Version.V201) {
                assertEquals(1, unlockCall.getJsonObject(3).getInt("evseId"));
            }
            assertEquals(1, unlockCall.getJsonObject(3).getInt("connectorId"));
            cp.replyStatus(unlockCall, "Unlocked");
            assertEquals("Unlocked", TestServer.await(unlock).json().getString("status"));

            CompletableFuture<TestServer.Answer> off = post(id, "availability",
                    "{\"connectorId\":1,\"type\":\"Inoperative\"}");
            JsonArray availability = cp.expectCall("ChangeAvailability");
            assertEquals("Inoperative", availability.getJsonObject(3).getString(version == Version.V16 ? "type"
                    : "operationalStatus"));
            cp.replyStatus(availability, "Scheduled");
            assertEquals("Scheduled", TestServer.await(off).json().getString("status"));

            CompletableFuture<TestServer.Answer> trigger = post(id, "trigger", "{\"requestedMessage\":\"Heartbeat\"}");
            JsonArray triggerCall = cp.expectCall("TriggerMessage");
            assertEquals("Heartbeat", triggerCall.getJsonObject(3).getString("requestedMessage"));
            cp.replyStatus(triggerCall, "Accepted");
            assertEquals(200, TestServer.await(trigger).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void settingsAreReadAndWrittenByTheirOneName(Version version) {
        String id = TestServer.uniqueId("VER-K-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            CompletableFuture<TestServer.Answer> write = post(id, "configuration",
                    "{\"key\":\"HeartbeatInterval\",\"value\":\"120\"}");
            JsonArray set = cp.expectCall("ChangeConfiguration");
            if (version == Version.V16) {
                assertEquals("HeartbeatInterval", set.getJsonObject(3).getString("key"));
                assertEquals("120", set.getJsonObject(3).getString("value"));
                cp.replyStatus(set, "Accepted");
            } else {
                JsonObject data = set.getJsonObject(3).getJsonArray("setVariableData").getJsonObject(0);
                assertEquals("OCPPCommCtrlr", data.getJsonObject("component").getString("name"));
                assertEquals("HeartbeatInterval", data.getJsonObject("variable").getString("name"));
                assertEquals("120", data.getString("attributeValue"));
                cp.reply(set, Json.createObjectBuilder().add("setVariableResult", Json.createArrayBuilder().add(
                        Json.createObjectBuilder().add("attributeStatus", "Accepted")
                                .add("component", data.getJsonObject("component"))
                                .add("variable", data.getJsonObject("variable")))).build());
            }
            assertEquals("Accepted", TestServer.await(write).json().getString("status"));

            CompletableFuture<TestServer.Answer> read = TestServer.sendAsync("GET", "/api/v1/chargers/" + id
                    + "/configuration?key=HeartbeatInterval&key=NoSuchKey.AtAll", ADMIN_TOKEN, null);
            JsonArray get = cp.expectCall("GetConfiguration");
            if (version == Version.V16) {
                assertEquals(Json.createArrayBuilder().add("HeartbeatInterval").add("NoSuchKey.AtAll").build(),
                        get.getJsonObject(3).getJsonArray("key"));
                cp.reply(get, Json.createObjectBuilder().add("configurationKey", Json.createArrayBuilder().add(
                        Json.createObjectBuilder().add("key", "HeartbeatInterval").add("readonly", false)
                                .add("value", "120"))).add("unknownKey", Json.createArrayBuilder()
                                        .add("NoSuchKey.AtAll")).build());
            } else {
                JsonArray asked = get.getJsonObject(3).getJsonArray("getVariableData");
                assertEquals("OCPPCommCtrlr", asked.getJsonObject(0).getJsonObject("component").getString("name"));
                assertEquals("NoSuchKey", asked.getJsonObject(1).getJsonObject("component").getString("name"));
                assertEquals("AtAll", asked.getJsonObject(1).getJsonObject("variable").getString("name"));
                cp.reply(get, Json.createObjectBuilder().add("getVariableResult", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("attributeStatus", "Accepted").add("attributeValue", "120")
                                .add("component", asked.getJsonObject(0).getJsonObject("component"))
                                .add("variable", asked.getJsonObject(0).getJsonObject("variable")))
                        .add(Json.createObjectBuilder().add("attributeStatus", "UnknownComponent")
                                .add("component", asked.getJsonObject(1).getJsonObject("component"))
                                .add("variable", asked.getJsonObject(1).getJsonObject("variable")))).build());
            }
            JsonObject answer = TestServer.await(read).json();
            assertEquals("HeartbeatInterval", answer.getJsonArray("configurationKey").getJsonObject(0).getString("key"));
            assertEquals("120", answer.getJsonArray("configurationKey").getJsonObject(0).getString("value"));
            assertEquals("NoSuchKey.AtAll", answer.getJsonArray("unknownKey").getString(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aLimitArrivesAsTheChargersOwnStationWideProfile(Version version) {
        String id = TestServer.uniqueId("VER-L-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            TestServer.Answer put = TestServer.send("PUT", "/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN,
                    "{\"maxCurrentA\":16}");
            assertEquals(200, put.status(), put.body());
            JsonArray call = SmartChargingIT.nextProfile(cp);
            JsonObject payload = call.getJsonObject(3);
            if (version == Version.V16) {
                assertEquals(0, payload.getInt("connectorId"));
                assertEquals("ChargePointMaxProfile", payload.getJsonObject("csChargingProfiles")
                        .getString("chargingProfilePurpose"));
            } else {
                assertEquals(0, payload.getInt("evseId"));
                JsonObject profile = payload.getJsonObject("chargingProfile");
                assertEquals("ChargingStationMaxProfile", profile.getString("chargingProfilePurpose"));
                JsonObject schedule = profile.getJsonArray("chargingSchedule").getJsonObject(0);
                assertEquals("A", schedule.getString("chargingRateUnit"));
                assertEquals(16.0, schedule.getJsonArray("chargingSchedulePeriod").getJsonObject(0)
                        .getJsonNumber("limit").doubleValue());
            }
            cp.replyStatus(call, "Accepted");
            JsonObject applied = SmartChargingIT.awaitApplied(id, "Applied").getJsonObject("applied");
            assertEquals(16.0, applied.getJsonNumber("limit").doubleValue());
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void badFramesGetTheVersionsOwnErrorCodes(Version version) {
        String id = TestServer.uniqueId("VER-E-" + version.name());
        boolean v16 = version == Version.V16;
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            cp.send("this is not json");
            JsonArray garbage = cp.next();
            assertEquals(4, garbage.getInt(0));
            assertEquals(v16 ? "FormationViolation" : "FormatViolation", garbage.getString(2));

            assertEquals("NotImplemented", cp.call("FlyToTheMoon", JsonValue.EMPTY_JSON_OBJECT).getString(2));

            JsonArray missing = cp.call("StatusNotification", Json.createObjectBuilder()
                    .add("timestamp", Instant.now().toString()).build());
            assertEquals(v16 ? "OccurenceConstraintViolation" : "OccurrenceConstraintViolation", missing.getString(2));

            JsonArray wrongType = cp.call("Heartbeat", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(3, wrongType.getInt(0), "still answering after errors");
            JsonArray badType = cp.call("MeterValues", Json.createObjectBuilder()
                    .add(v16 ? "connectorId" : "evseId", "one").add("meterValue", Json.createArrayBuilder()).build());
            assertEquals("TypeConstraintViolation", badType.getString(2));
            assertTrue(cp.isOpen());
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aChargerWithASharedSecretNeedsItInEitherVersion(Version version) {
        String id = TestServer.uniqueId("VER-A-" + version.name());
        String secret = "version-secret-01";
        ChargePointSimulator.booted(base, id, version).close();
        assertEquals(200, TestServer.send("PATCH", "/api/v1/chargers/" + id, ADMIN_TOKEN,
                "{\"sharedSecret\":\"" + secret + "\"}").status());
        HttpClient http = HttpClient.newHttpClient();
        String url = TestServer.wsUrl(base) + "/ocpp/" + id;
        CompletionException refused = assertThrows(CompletionException.class,
                () -> ChargePointSimulator.connect(http, url, id, "not-the-secret", version.subprotocol));
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url, id, secret, version.subprotocol)) {
            assertEquals("Accepted", cp.bootUp("Acme", "Secure").getString("status"));
        }
    }
}
