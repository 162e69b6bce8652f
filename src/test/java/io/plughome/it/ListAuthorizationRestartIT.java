package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.ServerControl;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PLUGHOME_AUTHORIZATION=list}: chargers are answered from the owner's idTags, and keep
 * them as their local authorization list (full, then differential updates). The server is
 * restarted in list mode for these tests, and back in accept-all mode after them.
 */
class ListAuthorizationRestartIT {

    private static final String OVERRIDE = "authorization";

    private final String base = TestServer.baseUrl();

    @BeforeAll
    static void listMode() throws Exception {
        ServerControl.setVariables(OVERRIDE, Map.of("plughome.authorization", "list"));
        ServerControl.restart();
    }

    @AfterAll
    static void acceptAllAgain() throws Exception {
        ServerControl.removeVariables(OVERRIDE);
        ServerControl.restart();
    }

    private static void putTag(String idTag, String body) {
        TestServer.Answer answer = TestServer.send("PUT", "/api/v1/id-tags/" + idTag, ADMIN_TOKEN, body);
        assertTrue(answer.status() == 200 || answer.status() == 201, answer.body());
    }

    private static JsonObject authorize(ChargePointSimulator cp, String idTag) {
        return cp.callOk("Authorize", Json.createObjectBuilder().add("idTag", idTag).build())
                .getJsonObject("idTagInfo");
    }

    private static JsonObject start(ChargePointSimulator cp, String idTag) {
        return cp.callOk("StartTransaction", Json.createObjectBuilder().add("connectorId", 1).add("idTag", idTag)
                .add("meterStart", 1000).add("timestamp", Instant.now().toString()).build());
    }

    /** The next call of this action from the server (the local-list exchange runs alongside). */
    private static JsonArray next(ChargePointSimulator cp, String action) {
        JsonArray call = cp.nextServerCall();
        assertEquals(action, call.getString(2), call.toString());
        return call;
    }

    private static int listVersion() {
        return TestServer.get("/api/v1/id-tags", VIEWER_TOKEN).json().getInt("listVersion");
    }

    @Test
    void authorizeAndStartTransactionAnswerFromTheList() {
        String suffix = Long.toString(System.nanoTime() % 100000);
        String good = "OK-" + suffix;
        String blocked = "BL-" + suffix;
        String lapsed = "LAPSED-" + suffix;
        String expired = "EXP-" + suffix;
        String expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString();
        putTag(good, "{\"name\":\"Anna\",\"expiryDate\":\"" + expiry + "\",\"parentIdTag\":\"FAMILY\"}");
        putTag(blocked, "{\"status\":\"Blocked\"}");
        putTag(lapsed, "{\"status\":\"Accepted\",\"expiryDate\":\"2025-01-01T00:00:00Z\"}");
        putTag(expired, "{\"status\":\"Expired\"}");
        String id = TestServer.uniqueId("LIST-AUTH");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            JsonObject accepted = authorize(cp, good.toLowerCase());
            assertEquals("Accepted", accepted.getString("status"), "compared case-insensitively");
            assertEquals("FAMILY", accepted.getString("parentIdTag"));
            assertEquals(Instant.parse(expiry), Instant.parse(accepted.getString("expiryDate")));
            assertEquals("Blocked", authorize(cp, blocked).getString("status"));
            assertEquals("Expired", authorize(cp, lapsed).getString("status"), "accepted, but past its expiry");
            assertEquals("Expired", authorize(cp, expired).getString("status"));
            assertEquals("Invalid", authorize(cp, "NOBODY-" + suffix).getString("status"));
            assertEquals("Accepted", authorize(cp, "PlugHome").getString("status"), "the idTag of remote starts");

            // not accepted at the start: the session is still recorded, with the answer given
            JsonObject refused = start(cp, blocked);
            assertEquals("Blocked", refused.getJsonObject("idTagInfo").getString("status"));
            long tx = refused.getJsonNumber("transactionId").longValue();
            JsonObject session = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                    .getJsonObject("activeSession");
            assertEquals(Long.toString(tx), session.getString("transactionId"));
            assertEquals("Blocked", session.getString("authorization"));
            // the charger stops it, as the specification says
            JsonObject stop = cp.callOk("StopTransaction", Json.createObjectBuilder().add("transactionId", tx)
                    .add("meterStop", 1000).add("timestamp", Instant.now().toString()).add("reason", "DeAuthorized")
                    .add("idTag", blocked).build());
            assertEquals("Blocked", stop.getJsonObject("idTagInfo").getString("status"));
            JsonObject stopped = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json()
                    .getJsonArray("items").getJsonObject(0);
            assertEquals("DeAuthorized", stopped.getString("stopReason"));
            assertEquals("Blocked", stopped.getString("authorization"));

            assertEquals("Invalid", start(cp, "NOBODY-" + suffix).getJsonObject("idTagInfo").getString("status"));
            JsonObject ok = start(cp, good);
            assertEquals("Accepted", ok.getJsonObject("idTagInfo").getString("status"));
            assertEquals("FAMILY", ok.getJsonObject("idTagInfo").getString("parentIdTag"));
        }
    }

    @Test
    void a201ChargerIsAnsweredFromTheSameListAndGetsItAsIdTokens() {
        String suffix = Long.toString(System.nanoTime() % 100000);
        String good = "OK2-" + suffix;
        String blocked = "BL2-" + suffix;
        putTag(good, "{\"name\":\"Ben\",\"parentIdTag\":\"FAMILY\"}");
        putTag(blocked, "{\"status\":\"Blocked\"}");
        String emaid = ("NL-PLH-C" + suffix + "-" + "0".repeat(36)).substring(0, 36); // a 36-character idToken
        putTag(emaid, "{\"type\":\"eMAID\"}");
        assertEquals(400, TestServer.send("PUT", "/api/v1/id-tags/" + emaid + "X", ADMIN_TOKEN, "{}").status(),
                "37 characters is one too many");
        assertEquals(400, TestServer.send("PUT", "/api/v1/id-tags/T-" + suffix, ADMIN_TOKEN, "{\"type\":\"Barcode\"}")
                .status(), "not a 2.0.1 idToken type");
        String id = TestServer.uniqueId("LIST-201");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            cp.reply(next(cp, "GetLocalListVersion"), Json.createObjectBuilder().add("versionNumber", 0).build());
            JsonArray sendCall = next(cp, "SendLocalList");
            JsonObject full = sendCall.getJsonObject(3);
            assertEquals("Full", full.getString("updateType"));
            assertEquals(listVersion(), full.getInt("versionNumber"));
            JsonObject entry = full.getJsonArray("localAuthorizationList").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getJsonObject("idToken").getString("idToken").equals(good)).findFirst()
                    .orElseThrow();
            assertEquals("ISO14443", entry.getJsonObject("idToken").getString("type"));
            assertEquals("Accepted", entry.getJsonObject("idTokenInfo").getString("status"));
            assertEquals("FAMILY", entry.getJsonObject("idTokenInfo").getJsonObject("groupIdToken")
                    .getString("idToken"), "the idTag's group is its groupIdToken");
            JsonObject long36 = full.getJsonArray("localAuthorizationList").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getJsonObject("idToken").getString("idToken").equals(emaid)).findFirst()
                    .orElseThrow();
            assertEquals("eMAID", long36.getJsonObject("idToken").getString("type"), "the type the owner gave");
            cp.replyStatus(sendCall, "Accepted");

            JsonObject accepted = cp.callOk("Authorize", Json.createObjectBuilder()
                    .add("idToken", ChargePointSimulator.idToken(good.toLowerCase())).build()).getJsonObject("idTokenInfo");
            assertEquals("Accepted", accepted.getString("status"), "compared case-insensitively");
            assertEquals("FAMILY", accepted.getJsonObject("groupIdToken").getString("idToken"));
            assertEquals("Invalid", cp.callOk("Authorize", Json.createObjectBuilder()
                    .add("idToken", ChargePointSimulator.idToken("NOBODY-" + suffix)).build())
                    .getJsonObject("idTokenInfo").getString("status"));

            JsonArray refused = cp.transactionEvent("Started", "TX-BL-" + suffix, 1, Instant.now(), "Authorized",
                    Json.createObjectBuilder(), ChargePointSimulator.idToken(blocked), null);
            assertEquals("Blocked", refused.getJsonObject(2).getJsonObject("idTokenInfo").getString("status"));
            JsonObject session = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                    .getJsonObject("activeSession");
            assertEquals("TX-BL-" + suffix, session.getString("transactionId"));
            assertEquals("Blocked", session.getString("authorization"));
            assertEquals(blocked, session.getString("idTag"));
            assertEquals("Accepted", cp.callOk("Authorize", Json.createObjectBuilder()
                    .add("idToken", Json.createObjectBuilder().add("idToken", emaid).add("type", "eMAID")).build())
                    .getJsonObject("idTokenInfo").getString("status"));
        }
        // a 1.6 charger's list leaves out what it cannot hold: idTags over 20 characters
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, TestServer.uniqueId("LIST-16"))) {
            cp.reply(next(cp, "GetLocalListVersion"), Json.createObjectBuilder().add("listVersion", 0).build());
            JsonArray send = next(cp, "SendLocalList");
            List<String> tags = send.getJsonObject(3).getJsonArray("localAuthorizationList")
                    .getValuesAs(JsonObject.class).stream().map(e -> e.getString("idTag")).toList();
            assertTrue(tags.contains(good), tags.toString());
            assertFalse(tags.contains(emaid), "36 characters do not fit a 1.6 idTag");
            assertTrue(tags.stream().allMatch(t -> t.length() <= 20));
            cp.replyStatus(send, "Accepted");
        }
    }

    @Test
    void a201ChargersListIsSentInPartsItCanTake() {
        String suffix = Long.toString(System.nanoTime() % 100000);
        for (String tag : List.of("P1-", "P2-", "P3-")) {
            putTag(tag + suffix, "{}");
        }
        int total = TestServer.get("/api/v1/id-tags?limit=1000", VIEWER_TOKEN).json().getInt("total");
        int version = listVersion();
        String id = TestServer.uniqueId("LIST-PARTS");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
            // it says it takes two entries per SendLocalList, before it answers which list it holds
            cp.callOk("NotifyReport", Json.createObjectBuilder().add("requestId", 1)
                    .add("generatedAt", Instant.now().toString()).add("seqNo", 0)
                    .add("reportData", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("component", Json.createObjectBuilder().add("name", "LocalAuthListCtrlr"))
                            .add("variable", Json.createObjectBuilder().add("name", "ItemsPerMessage"))
                            .add("variableAttribute", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                    .add("type", "Actual").add("value", "2"))))).build());
            cp.reply(next(cp, "GetLocalListVersion"), Json.createObjectBuilder().add("versionNumber", 0).build());
            int sent = 0;
            int parts = 0;
            while (sent < total) {
                JsonArray send = next(cp, "SendLocalList");
                JsonObject part = send.getJsonObject(3);
                assertEquals(version, part.getInt("versionNumber"), "every part has the list's version");
                assertEquals(parts == 0 ? "Full" : "Differential", part.getString("updateType"), "part " + parts);
                int size = part.getJsonArray("localAuthorizationList").size();
                assertTrue(size >= 1 && size <= 2, "at most ItemsPerMessage entries: " + size);
                sent += size;
                parts++;
                cp.replyStatus(send, "Accepted");
            }
            assertEquals(total, sent, "every idTag once");
            assertEquals((total + 1) / 2, parts);
            assertTrue(awaitLocalList(id, version).getBoolean("inSync"));
        }
    }

    @Test
    void aConnectingChargerGetsTheFullListAndThenEachChangeAsADifferentialUpdate() {
        String suffix = Long.toString(System.nanoTime() % 100000);
        putTag("CARD-A-" + suffix, "{\"name\":\"A\"}");
        putTag("CARD-B-" + suffix, "{\"status\":\"Blocked\"}");
        int version = listVersion();
        String id = TestServer.uniqueId("LIST-SYNC");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            cp.reply(next(cp, "GetLocalListVersion"), Json.createObjectBuilder().add("listVersion", 0).build());
            JsonArray send = next(cp, "SendLocalList");
            JsonObject full = send.getJsonObject(3);
            assertEquals("Full", full.getString("updateType"));
            assertEquals(version, full.getInt("listVersion"));
            Map<String, String> entries = full.getJsonArray("localAuthorizationList").getValuesAs(JsonObject.class)
                    .stream().collect(Collectors.toMap(e -> e.getString("idTag"),
                            e -> e.getJsonObject("idTagInfo").getString("status")));
            assertEquals("Accepted", entries.get("CARD-A-" + suffix));
            assertEquals("Blocked", entries.get("CARD-B-" + suffix), "refused cards are on the list too");
            cp.reply(send, Json.createObjectBuilder().add("status", "Accepted").build());
            JsonObject state = awaitLocalList(id, version);
            assertEquals("Full", state.getString("updateType"));
            assertTrue(state.getBoolean("inSync"));

            // one new card: only it is sent
            putTag("CARD-C-" + suffix, "{\"name\":\"C\"}");
            cp.reply(next(cp, "GetLocalListVersion"), Json.createObjectBuilder().add("listVersion", version).build());
            send = next(cp, "SendLocalList");
            JsonObject diff = send.getJsonObject(3);
            assertEquals("Differential", diff.getString("updateType"));
            assertEquals(version + 1, diff.getInt("listVersion"));
            JsonArray list = diff.getJsonArray("localAuthorizationList");
            assertEquals(1, list.size(), list.toString());
            assertEquals("CARD-C-" + suffix, list.getJsonObject(0).getString("idTag"));
            assertEquals("Accepted", list.getJsonObject(0).getJsonObject("idTagInfo").getString("status"));
            cp.reply(send, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals("Differential", awaitLocalList(id, version + 1).getString("updateType"));

            // a removed card is removed from the charger's list: an entry without idTagInfo
            assertEquals(204, TestServer.send("DELETE", "/api/v1/id-tags/card-c-" + suffix, ADMIN_TOKEN, null)
                    .status());
            cp.reply(next(cp, "GetLocalListVersion"),
                    Json.createObjectBuilder().add("listVersion", version + 1).build());
            send = next(cp, "SendLocalList");
            diff = send.getJsonObject(3);
            assertEquals("Differential", diff.getString("updateType"));
            assertEquals(List.of(Json.createObjectBuilder().add("idTag", "CARD-C-" + suffix).build()),
                    diff.getJsonArray("localAuthorizationList"));
            cp.reply(send, Json.createObjectBuilder().add("status", "Accepted").build());
            awaitLocalList(id, version + 2);

            // the charger refuses a differential update as VersionMismatch: the whole list follows
            putTag("CARD-D-" + suffix, "{\"name\":\"D\"}");
            cp.reply(next(cp, "GetLocalListVersion"),
                    Json.createObjectBuilder().add("listVersion", version + 2).build());
            send = next(cp, "SendLocalList");
            assertEquals("Differential", send.getJsonObject(3).getString("updateType"));
            cp.reply(send, Json.createObjectBuilder().add("status", "VersionMismatch").build());
            send = next(cp, "SendLocalList");
            JsonObject recovered = send.getJsonObject(3);
            assertEquals("Full", recovered.getString("updateType"));
            assertEquals(version + 3, recovered.getInt("listVersion"));
            Set<String> held = recovered.getJsonArray("localAuthorizationList").getValuesAs(JsonObject.class)
                    .stream().map(e -> e.getString("idTag")).collect(Collectors.toSet());
            assertTrue(held.containsAll(Set.of("CARD-A-" + suffix, "CARD-B-" + suffix, "CARD-D-" + suffix)), held.toString());
            assertFalse(held.contains("CARD-C-" + suffix), "the removed card is not in the whole list");
            cp.reply(send, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals("Full", awaitLocalList(id, version + 3).getString("updateType"));

            // on demand, the whole list
            java.util.concurrent.CompletableFuture<TestServer.Answer> forced = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> TestServer.send("POST", "/api/v1/chargers/" + id + "/local-list", ADMIN_TOKEN,
                            "{\"full\":true}"));
            cp.reply(next(cp, "GetLocalListVersion"),
                    Json.createObjectBuilder().add("listVersion", version + 3).build());
            send = next(cp, "SendLocalList");
            JsonObject again = send.getJsonObject(3);
            assertEquals("Full", again.getString("updateType"));
            cp.reply(send, Json.createObjectBuilder().add("status", "Failed").build());
            TestServer.Answer answer = forced.join();
            assertEquals(200, answer.status(), answer.body());
            assertEquals("Failed", answer.json().getString("status"));
            assertEquals(version + 3, answer.json().getInt("chargerVersion"), "it still holds what it had");
        }
        assertTrue(TestServer.get("/api/v1/audit?chargerId=" + id + "&actor=local-list", ADMIN_TOKEN).json()
                .getInt("total") >= 8, "each exchange is audited");
    }

    @Test
    void aChargerWithoutLocalListsIsShownSo() {
        String id = TestServer.uniqueId("LIST-NONE");
        putTag("CARD-N-" + System.nanoTime() % 100000, "{}");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            cp.replyError(next(cp, "GetLocalListVersion"), "NotImplemented", "no local list");
            assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> "NotSupported".equals(
                    TestServer.get("/api/v1/chargers/" + id + "/local-list", VIEWER_TOKEN).json().getString("status",
                            null))));
            JsonObject state = TestServer.get("/api/v1/chargers/" + id + "/local-list", VIEWER_TOKEN).json();
            assertFalse(state.getBoolean("inSync"));
            assertEquals("list", state.getString("authorization"));
            assertNull(cp.pollServerCall(Duration.ofSeconds(1)), "no SendLocalList to a charger without the feature");
        }
    }

    private JsonObject awaitLocalList(String id, int version) {
        JsonObject[] last = new JsonObject[1];
        assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> {
            last[0] = TestServer.get("/api/v1/chargers/" + id + "/local-list", VIEWER_TOKEN).json();
            return !last[0].isNull("chargerVersion") && last[0].getInt("chargerVersion") == version;
        }), "the charger's list never reached version " + version + ": " + last[0]);
        return last[0];
    }
}
