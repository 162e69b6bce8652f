package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Remote control through the REST API, with a simulated charger answering (or not): every
 * outcome, the one-call-in-flight rule, and the audit log that records them. The test servers
 * use a 3 s command timeout.
 */
class ControlIT {

    private static final int TIMEOUT_SECONDS = 3;

    private final String base = TestServer.baseUrl();

    private static CompletableFuture<TestServer.Answer> post(String chargerId, String command, String body) {
        return TestServer.sendAsync("POST", "/api/v1/chargers/" + chargerId + "/" + command, ADMIN_TOKEN,
                body);
    }

    private static TestServer.Answer await(CompletableFuture<TestServer.Answer> answer) {
        return TestServer.await(answer);
    }

    @Test
    void anAcceptedRemoteStartReachesTheChargerAndIsAnswered200() {
        String id = TestServer.uniqueId("CTL-OK");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> answer = post(id, "remote-start",
                    "{\"connectorId\":1,\"idTag\":\"CARD-42\"}");
            JsonArray call = cp.nextServerCall();
            assertEquals("RemoteStartTransaction", call.getString(2));
            assertEquals("CARD-42", call.getJsonObject(3).getString("idTag"));
            assertEquals(1, call.getJsonObject(3).getInt("connectorId"));
            cp.replyStatus(call, "Accepted");
            TestServer.Answer http = await(answer);
            assertEquals(200, http.status(), http.body());
            assertEquals("Accepted", http.json().getString("status"));
        }
    }

    @Test
    void aRemoteStartWithoutIdTagUsesTheConfiguredOne() {
        String id = TestServer.uniqueId("CTL-TAG");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> answer = post(id, "remote-start", "{}");
            JsonArray call = cp.nextServerCall();
            assertEquals("PlugHome", call.getJsonObject(3).getString("idTag"));
            assertTrue(!call.getJsonObject(3).containsKey("connectorId"));
            cp.replyStatus(call, "Accepted");
            assertEquals(200, await(answer).status());
        }
    }

    @Test
    void aRejectedResetIsAnswered200WithRejected() {
        String id = TestServer.uniqueId("CTL-REJ");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> answer = post(id, "reset", "{\"type\":\"Hard\"}");
            JsonArray call = cp.nextServerCall();
            assertEquals("Reset", call.getString(2));
            assertEquals("Hard", call.getJsonObject(3).getString("type"));
            cp.replyStatus(call, "Rejected");
            TestServer.Answer http = await(answer);
            assertEquals(200, http.status());
            assertEquals("Rejected", http.json().getString("status"));
        }
        JsonObject entry = latestAudit(id);
        assertEquals("Reset", entry.getString("action"));
        assertEquals("Rejected", entry.getString("outcome"));
        assertEquals("HARD", entry.getJsonObject("request").getString("kind"));
    }

    @Test
    void aCommandToAnOfflineChargerIs409AndNothingIsQueued() {
        String id = TestServer.uniqueId("CTL-OFF");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            cp.close();
        }
        assertTrue(TestServer.eventually(Duration.ofSeconds(10),
                () -> !TestServer.get("/api/v1/chargers/" + id, ADMIN_TOKEN).json().getBoolean("online")));
        TestServer.Answer http = await(post(id, "unlock", "{\"connectorId\":1}"));
        assertEquals(409, http.status());
        assertEquals("ChargerOffline", http.json().getString("error"));
        try (ChargePointSimulator again = ChargePointSimulator.booted16(base, id)) {
            assertNull(again.pollServerCall(Duration.ofSeconds(1)), "a command for an offline charger was queued");
        }
        assertEquals("Offline", latestAudit(id).getString("outcome"));
    }

    @Test
    void anUnansweredCommandIs504WithinTheTimeoutAndALateAnswerIsDropped() {
        String id = TestServer.uniqueId("CTL-TMO");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            Instant sent = Instant.now();
            CompletableFuture<TestServer.Answer> answer = post(id, "unlock", "{\"connectorId\":1}");
            JsonArray call = cp.nextServerCall();
            assertEquals("UnlockConnector", call.getString(2));
            TestServer.Answer http = await(answer);
            long seconds = Duration.between(sent, Instant.now()).toSeconds();
            assertEquals(504, http.status(), http.body());
            assertEquals("Timeout", http.json().getString("error"));
            assertTrue(seconds >= TIMEOUT_SECONDS - 1 && seconds <= TIMEOUT_SECONDS + 5, "answered after " + seconds);
            cp.replyStatus(call, "Unlocked"); // too late: dropped, and the next command still works
            CompletableFuture<TestServer.Answer> next = post(id, "unlock", "{\"connectorId\":1}");
            JsonArray second = cp.nextServerCall();
            cp.replyStatus(second, "Unlocked");
            TestServer.Answer ok = await(next);
            assertEquals(200, ok.status());
            assertEquals("Unlocked", ok.json().getString("status"));
        }
        TestServer.Answer audit = TestServer.get("/api/v1/audit?chargerId=" + id + "&outcome=Timeout", ADMIN_TOKEN);
        assertEquals(1, audit.json().getInt("total"));
    }

    @Test
    void twoCommandsAtOnceReachTheChargerOneAfterTheOther() {
        String id = TestServer.uniqueId("CTL-SEQ");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> first = post(id, "trigger", "{\"requestedMessage\":\"Heartbeat\"}");
            CompletableFuture<TestServer.Answer> second = post(id, "availability",
                    "{\"connectorId\":1,\"type\":\"Inoperative\"}");
            JsonArray one = cp.nextServerCall();
            assertNull(cp.pollServerCall(Duration.ofMillis(1500)),
                    "a second call was sent while the first was unanswered");
            cp.replyStatus(one, "Accepted");
            JsonArray two = cp.nextServerCall();
            assertTrue(!one.getString(1).equals(two.getString(1)));
            assertEquals(List.of("ChangeAvailability", "TriggerMessage"),
                    List.of(one.getString(2), two.getString(2)).stream().sorted().toList());
            cp.replyStatus(two, two.getString(2).equals("ChangeAvailability") ? "Scheduled" : "Accepted");
            assertEquals(200, await(first).status());
            TestServer.Answer availability = await(second);
            assertEquals(200, availability.status());
        }
    }

    @Test
    void aCallErrorFromTheChargerIs502WithItsCode() {
        String id = TestServer.uniqueId("CTL-ERR");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> answer = post(id, "trigger",
                    "{\"requestedMessage\":\"MeterValues\",\"connectorId\":1}");
            cp.replyError(cp.nextServerCall(), "NotImplemented", "No trigger support here");
            TestServer.Answer http = await(answer);
            assertEquals(502, http.status());
            assertEquals("NotImplemented", http.json().getString("error"));
            assertEquals("No trigger support here", http.json().getString("message"));
        }
        assertEquals("Error", latestAudit(id).getString("outcome"));
    }

    @Test
    void anInvalidAnswerFromTheChargerIs502() {
        String id = TestServer.uniqueId("CTL-BAD");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> answer = post(id, "reset", "{}");
            cp.replyStatus(cp.nextServerCall(), "Maybe");
            TestServer.Answer http = await(answer);
            assertEquals(502, http.status());
            assertEquals("InvalidReply", http.json().getString("error"));
        }
    }

    @Test
    void aSocketThatClosesFailsItsPendingCallAtOnce() {
        String id = TestServer.uniqueId("CTL-GONE");
        ChargePointSimulator cp = ChargePointSimulator.booted16(base, id);
        Instant sent = Instant.now();
        CompletableFuture<TestServer.Answer> answer = post(id, "reset", "{}");
        cp.nextServerCall();
        cp.close();
        TestServer.Answer http = await(answer);
        assertEquals(409, http.status());
        assertEquals("ChargerDisconnected", http.json().getString("error"));
        assertTrue(Duration.between(sent, Instant.now()).toMillis() < TIMEOUT_SECONDS * 1000L,
                "waited for the timeout instead of failing at the close");
    }

    @Test
    void remoteStopDefaultsToTheActiveTransaction() {
        String id = TestServer.uniqueId("CTL-STOP");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            TestServer.Answer none = await(post(id, "remote-stop", "{}"));
            assertEquals(409, none.status());
            assertEquals("NoActiveTransaction", none.json().getString("error"));
            // as the README's curl sends it: no body and no content type (was a 415 from the JAX-RS runtime)
            TestServer.Answer curl = TestServer.sendTyped("POST", "/api/v1/chargers/" + id + "/remote-stop",
                    ADMIN_TOKEN, null, null);
            assertEquals(409, curl.status(), curl.body());
            assertEquals("NoActiveTransaction", curl.json().getString("error"));
            long tx = cp.startTransaction(1, "CARD-1", 1000, Instant.now());
            CompletableFuture<TestServer.Answer> answer = post(id, "remote-stop", null);
            JsonArray call = cp.nextServerCall();
            assertEquals("RemoteStopTransaction", call.getString(2));
            assertEquals(tx, call.getJsonObject(3).getJsonNumber("transactionId").longValue());
            cp.replyStatus(call, "Accepted");
            assertEquals(200, await(answer).status());

            // the session's transactionId as the API shows it (a string), or as a 1.6 number
            for (String body : List.of("{\"transactionId\":\"" + tx + "\"}", "{\"transactionId\":" + tx + "}")) {
                CompletableFuture<TestServer.Answer> given = post(id, "remote-stop", body);
                JsonArray sent = cp.nextServerCall();
                assertEquals(tx, sent.getJsonObject(3).getJsonNumber("transactionId").longValue(), body);
                cp.replyStatus(sent, "Rejected");
                assertEquals("Rejected", await(given).json().getString("status"));
            }
            TestServer.Answer notANumber = await(post(id, "remote-stop", "{\"transactionId\":\"tx-abc\"}"));
            assertEquals(400, notANumber.status(), "a 1.6 charger's transaction ids are numbers");
            assertTrue(notANumber.json().getString("message").contains("tx-abc"));
            assertEquals(400, await(post(id, "remote-stop", "{\"transactionId\":1.5}")).status());
            assertNull(cp.pollServerCall(Duration.ofMillis(300)), "nothing sent for a bad id");
        }
    }

    @Test
    void configurationIsReadAndChanged() {
        String id = TestServer.uniqueId("CTL-CFG");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> read = post(id, "configuration",
                    "{\"keys\":[\"HeartbeatInterval\",\"NoSuchKey\"]}");
            JsonArray get = cp.nextServerCall();
            assertEquals("GetConfiguration", get.getString(2));
            assertEquals(2, get.getJsonObject(3).getJsonArray("key").size());
            cp.reply(get, Json.createObjectBuilder()
                    .add("configurationKey", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("key", "HeartbeatInterval").add("readonly", false).add("value", "300")))
                    .add("unknownKey", Json.createArrayBuilder().add("NoSuchKey")).build());
            JsonObject body = await(read).json();
            assertEquals("300", body.getJsonArray("configurationKey").getJsonObject(0).getString("value"));
            assertEquals("NoSuchKey", body.getJsonArray("unknownKey").getString(0));

            CompletableFuture<TestServer.Answer> change = post(id, "configuration",
                    "{\"key\":\"MeterValueSampleInterval\",\"value\":\"60\"}");
            JsonArray set = cp.nextServerCall();
            assertEquals("ChangeConfiguration", set.getString(2));
            assertEquals("60", set.getJsonObject(3).getString("value"));
            cp.replyStatus(set, "RebootRequired");
            TestServer.Answer changed = await(change);
            assertEquals(200, changed.status());
            assertEquals("RebootRequired", changed.json().getString("status"));
        }
    }

    @Test
    void aViewerControlsNothingAndNothingReachesTheCharger() {
        String id = TestServer.uniqueId("CTL-VIEW");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            for (String command : List.of("remote-start", "remote-stop", "reset", "unlock", "availability",
                "configuration", "trigger")) {
                TestServer.Answer http = TestServer.send("POST", "/api/v1/chargers/" + id + "/" + command,
                        VIEWER_TOKEN, "{\"connectorId\":1}");
                assertEquals(403, http.status(), command);
                assertEquals("Forbidden", http.json().getString("error"));
            }
            assertEquals(403, TestServer.get("/api/v1/chargers/" + id + "/configuration", VIEWER_TOKEN).status());
            // 403 before anything else is looked at: no content type, another type, a body that is not JSON
            for (String[] typeAndBody : new String[][] {{null, null}, {"text/plain", "stop"},
                    {"application/json", "{not json"}}) {
                TestServer.Answer http = TestServer.sendTyped("POST", "/api/v1/chargers/" + id + "/remote-stop",
                        VIEWER_TOKEN, typeAndBody[0], typeAndBody[1]);
                assertEquals(403, http.status(), typeAndBody[0] + " " + http.body());
            }
            assertEquals(403, TestServer.sendTyped("POST", "/api/v1/chargers/" + id + "/pause", VIEWER_TOKEN, null,
                    null).status());
            assertNull(cp.pollServerCall(Duration.ofSeconds(1)), "a viewer's command reached the charger");
        }
    }

    @Test
    void badRequestsAre400And404BeforeAnythingIsSent() {
        String id = TestServer.uniqueId("CTL-400");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            for (String[] bad : new String[][] {{"unlock", "{}"}, {"remote-start", "{\"idTag\":\"123456789012345678901\"}"},
                {"trigger", "{\"requestedMessage\":\"Coffee\"}"}, {"reset", "{\"type\":\"Medium\"}"},
                {"availability", "{\"type\":\"Maybe\"}"}, {"reset", "{not json"},
                {"configuration", "{\"value\":\"1\"}"}, {"remote-start", "{\"connectorId\":-1}"}}) {
                TestServer.Answer http = TestServer.send("POST", "/api/v1/chargers/" + id + "/" + bad[0], ADMIN_TOKEN,
                        bad[1]);
                assertEquals(400, http.status(), bad[0] + " " + bad[1] + " -> " + http.body());
                assertTrue(http.json().getString("message").length() > 0);
            }
            assertNull(cp.pollServerCall(Duration.ofSeconds(1)), "an invalid command reached the charger");
        }
        TestServer.Answer unknown = TestServer.send("POST", "/api/v1/chargers/no-such-charger/reset", ADMIN_TOKEN, "{}");
        assertEquals(404, unknown.status());
        assertEquals(404, TestServer.send("POST", "/api/v1/chargers/no-such-charger/remote-stop", ADMIN_TOKEN, "{}")
                .status());
    }

    @Test
    void theAuditLogIsFilteredAndPaged() {
        String id = TestServer.uniqueId("CTL-AUD");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            for (String status : List.of("Accepted", "Rejected", "Accepted")) {
                CompletableFuture<TestServer.Answer> answer = post(id, "trigger",
                        "{\"requestedMessage\":\"StatusNotification\"}");
                cp.replyStatus(cp.nextServerCall(), status);
                assertEquals(200, await(answer).status());
            }
        }
        JsonObject all = TestServer.get("/api/v1/audit?chargerId=" + id, VIEWER_TOKEN).json();
        assertEquals(3, all.getInt("total"));
        JsonObject newest = all.getJsonArray("items").getJsonObject(0);
        assertEquals("Trigger", newest.getString("action"));
        assertEquals("admin", newest.getString("actor"));
        assertEquals("admin", newest.getString("actorRole"));
        assertEquals(id, newest.getString("chargerId"));
        assertEquals("STATUS_NOTIFICATION", newest.getJsonObject("request").getString("message"));
        assertTrue(Instant.parse(newest.getString("at")).isAfter(Instant.now().minusSeconds(120)));
        JsonObject rejected = TestServer.get("/api/v1/audit?chargerId=" + id + "&outcome=Rejected", VIEWER_TOKEN)
                .json();
        assertEquals(1, rejected.getInt("total"));
        JsonObject page = TestServer.get("/api/v1/audit?chargerId=" + id + "&limit=2&offset=2", VIEWER_TOKEN).json();
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(3, page.getInt("total"));
        assertEquals(400, TestServer.get("/api/v1/audit?outcome=Perhaps", VIEWER_TOKEN).status());
    }

    private static JsonObject latestAudit(String chargerId) {
        JsonObject page = TestServer.get("/api/v1/audit?limit=1&chargerId=" + chargerId, ADMIN_TOKEN).json();
        assertTrue(page.getInt("total") > 0, "no audit entry for " + chargerId);
        return page.getJsonArray("items").getJsonObject(0);
    }
}
