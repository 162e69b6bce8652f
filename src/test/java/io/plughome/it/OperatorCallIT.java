package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The operator's escape hatch, {@code POST /chargers/{id}/call/{action}}: any OCPP 1.6 call,
 * checked against the schema before it is sent, answered with the charger's payload; and an
 * AuthorizationKey the charger accepts becoming its shared secret.
 */
class OperatorCallIT {

    private final String base = TestServer.baseUrl();

    private static CompletableFuture<TestServer.Answer> call(String chargerId, String action, String payload) {
        return TestServer.sendAsync("POST", "/api/v1/chargers/" + chargerId + "/call/" + action, ADMIN_TOKEN,
                payload);
    }

    private static TestServer.Answer await(CompletableFuture<TestServer.Answer> answer) {
        return TestServer.await(answer);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }

    @Test
    void aRawGetLocalListVersionAndADataTransferGoThereAndBack() {
        String id = TestServer.uniqueId("RAW-OK");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> version = call(id, "GetLocalListVersion", "{}");
            JsonArray sent = cp.nextServerCall();
            assertEquals("GetLocalListVersion", sent.getString(2));
            assertEquals(JsonObject.EMPTY_JSON_OBJECT, sent.getJsonObject(3));
            cp.reply(sent, json("{\"listVersion\":7}"));
            TestServer.Answer answer = await(version);
            assertEquals(200, answer.status(), answer.body());
            assertEquals(json("{\"listVersion\":7}"), answer.json());

            CompletableFuture<TestServer.Answer> transfer = call(id, "DataTransfer",
                    "{\"vendorId\":\"com.example.wallbox\",\"messageId\":\"ping\",\"data\":\"{\\\"n\\\":1}\"}");
            sent = cp.nextServerCall();
            assertEquals("DataTransfer", sent.getString(2));
            assertEquals("com.example.wallbox", sent.getJsonObject(3).getString("vendorId"));
            assertEquals("{\"n\":1}", sent.getJsonObject(3).getString("data"), "the payload goes out as given");
            cp.reply(sent, json("{\"status\":\"Accepted\",\"data\":\"pong\"}"));
            answer = await(transfer);
            assertEquals(200, answer.status(), answer.body());
            assertEquals(json("{\"status\":\"Accepted\",\"data\":\"pong\"}"), answer.json());
        }
        JsonObject audit = TestServer.get("/api/v1/audit?chargerId=" + id, ADMIN_TOKEN).json();
        assertEquals(2, audit.getInt("total"));
        JsonObject newest = audit.getJsonArray("items").getJsonObject(0);
        assertEquals("Call:DataTransfer", newest.getString("action"));
        assertEquals("Accepted", newest.getString("outcome"));
        assertEquals("com.example.wallbox", newest.getJsonObject("request").getJsonObject("payload")
                .getString("vendorId"));
    }

    @Test
    void anInvalidPayloadIsRefusedWith400BeforeAnythingIsSent() {
        String id = TestServer.uniqueId("RAW-BAD");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            TestServer.Answer missing = await(call(id, "DataTransfer", "{\"messageId\":\"ping\"}"));
            assertEquals(400, missing.status(), missing.body());
            assertEquals("InvalidCommand", missing.json().getString("error"));
            assertTrue(missing.json().getString("message").contains("vendorId"), missing.body());

            TestServer.Answer badValue = await(call(id, "Reset", "{\"type\":\"Medium\"}"));
            assertEquals(400, badValue.status(), badValue.body());
            assertTrue(badValue.json().getString("message").contains("type"), badValue.body());

            TestServer.Answer wrongType = await(call(id, "UnlockConnector", "{\"connectorId\":\"one\"}"));
            assertEquals(400, wrongType.status(), wrongType.body());

            TestServer.Answer extra = await(call(id, "ClearCache", "{\"everything\":true}"));
            assertEquals(400, extra.status(), extra.body());
            assertTrue(extra.json().getString("message").contains("everything"), extra.body());

            TestServer.Answer unknown = await(call(id, "FlyToTheMoon", "{}"));
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.json().getString("message").contains("GetLocalListVersion"), unknown.body());

            TestServer.Answer notAnObject = await(call(id, "ClearCache", "[]"));
            assertEquals(400, notAnObject.status(), notAnObject.body());

            assertNull(cp.pollServerCall(Duration.ofSeconds(1)), "nothing reached the charger");
        }
        assertEquals(5, TestServer.get("/api/v1/audit?chargerId=" + id + "&outcome=Error", ADMIN_TOKEN).json()
                .getInt("total"), "refused calls are audited too");
    }

    @Test
    void aCallErrorIs502AnOfflineCharger409AndAViewer403() {
        String id = TestServer.uniqueId("RAW-ERR");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            CompletableFuture<TestServer.Answer> answer = call(id, "ReserveNow", "{\"connectorId\":1,\"expiryDate\":"
                    + "\"2030-01-01T10:00:00Z\",\"idTag\":\"CARD-1\",\"reservationId\":3}");
            cp.replyError(cp.nextServerCall(), "NotImplemented", "no reservations here");
            TestServer.Answer error = await(answer);
            assertEquals(502, error.status(), error.body());
            assertEquals("NotImplemented", error.json().getString("error"));
            assertEquals("no reservations here", error.json().getString("message"));

            TestServer.Answer viewer = TestServer.send("POST", "/api/v1/chargers/" + id + "/call/ClearCache",
                    VIEWER_TOKEN, "{}");
            assertEquals(403, viewer.status());
            assertNull(cp.pollServerCall(Duration.ofMillis(500)));
        }
        TestServer.eventually(Duration.ofSeconds(5), () -> !TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN)
                .json().getBoolean("online"));
        assertEquals(409, await(call(id, "ClearCache", "{}")).status());
        assertEquals(400, await(call(id, "ClearCache", "{\"x\":1}")).status(), "checked even when offline");
        assertEquals(404, await(call("no-such-charger", "ClearCache", "{}")).status());
    }

    private String url(String id) {
        return TestServer.wsUrl(base) + "/ocpp/" + id;
    }

    private static int refusedWith(Runnable connect) {
        CompletionException e = assertThrows(CompletionException.class, connect::run);
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    @Test
    void anAcceptedAuthorizationKeyBecomesTheSharedSecret() {
        String id = TestServer.uniqueId("RAW-KEY");
        HttpClient http = HttpClient.newHttpClient();
        String oldSecret = "old-secret-000001";
        String newSecret = "new-secret-000002";
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            assertEquals(200, TestServer.send("PATCH", "/api/v1/chargers/" + id, ADMIN_TOKEN,
                    "{\"sharedSecret\":\"" + oldSecret + "\"}").status());
        }
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, oldSecret, "ocpp1.6")) {
            cp.boot("Acme", "Secure");
            // too short for a shared secret: refused before it is sent
            TestServer.Answer weak = TestServer.send("POST", "/api/v1/chargers/" + id + "/configuration",
                    ADMIN_TOKEN, "{\"key\":\"AuthorizationKey\",\"value\":\"short\"}");
            assertEquals(400, weak.status(), weak.body());
            assertNull(cp.pollServerCall(Duration.ofMillis(500)));

            CompletableFuture<TestServer.Answer> change = CompletableFuture.supplyAsync(() -> TestServer.send("POST",
                    "/api/v1/chargers/" + id + "/configuration", ADMIN_TOKEN,
                    "{\"key\":\"AuthorizationKey\",\"value\":\"" + newSecret + "\"}"));
            JsonArray sent = cp.nextServerCall();
            assertEquals("ChangeConfiguration", sent.getString(2));
            assertEquals(newSecret, sent.getJsonObject(3).getString("value"));
            cp.replyStatus(sent, "Accepted");
            assertEquals(200, await(change).status());
        }
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, oldSecret, "ocpp1.6")));
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, newSecret, "ocpp1.6")) {
            cp.boot("Acme", "Secure");
            // the raw call too; a hexadecimal key, which a conforming charger decodes to its password
            String decoded = "third-secret-0003";
            String hex = HexFormat.of().withUpperCase().formatHex(decoded.getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<TestServer.Answer> change = call(id, "ChangeConfiguration",
                    "{\"key\":\"AuthorizationKey\",\"value\":\"" + hex + "\"}");
            JsonArray sent = cp.nextServerCall();
            cp.replyStatus(sent, "Accepted");
            TestServer.Answer answer = await(change);
            assertEquals(200, answer.status(), answer.body());
            assertEquals("Accepted", answer.json().getString("status"));
            assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, newSecret,
                    "ocpp1.6")));
            try (ChargePointSimulator decoding = ChargePointSimulator.connect(http, url(id), id, decoded,
                    "ocpp1.6")) {
                assertTrue(decoding.isOpen());
            }
            try (ChargePointSimulator verbatim = ChargePointSimulator.connect(http, url(id), id, hex, "ocpp1.6")) {
                assertTrue(verbatim.isOpen());
            }
        }
        String audit = TestServer.get("/api/v1/audit?chargerId=" + id, ADMIN_TOKEN).body();
        assertFalse(audit.contains(newSecret), "the audit log shows no key");
        assertFalse(audit.contains("third-secret") || audit.contains("7468697264"), audit);
    }
}
