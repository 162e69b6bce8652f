package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.automation.WebhookDispatcher;
import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import io.plughome.testsupport.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a receiver on loopback: signed deliveries of the events subscribed to (and
 * no others), a failed delivery retried within 10 s under the same delivery id, the attempts
 * visible in the API, a test ping, and input refused with 400.
 */
class WebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String base = TestServer.baseUrl();

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static JsonObject subscribe(String url, String events, String secret) {
        TestServer.Answer created = TestServer.send("POST", "/api/v1/webhooks", ADMIN_TOKEN, "{\"url\":\"" + url
                + "\",\"events\":" + events + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Test
    void subscribedEventsArriveSignedAndAFailedDeliveryIsRetriedUnderTheSameId() {
        String id = TestServer.uniqueId("HOOK");
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            JsonObject hook = subscribe(receiver.url(), "[\"session.started\",\"session.stopped\"]", null);
            long hookId = hook.getJsonNumber("id").longValue();
            String secret = hook.getString("secret");
            assertTrue(secret.length() >= 32, "a secret is made: " + secret);
            try {
                receiver.answer(500);
                String tx;
                try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V16)) {
                    tx = cp.startSession(1, "CARD-H", 1000, Instant.now());
                    Instant failedAt = Instant.now();
                    WebhookReceiver.Received first = receiver.await(r -> "session.started".equals(r.event())
                            && r.body().contains(id), WAIT);
                    assertEquals(500, first.answered());
                    WebhookReceiver.Received retry = receiver.await(r -> first.delivery().equals(r.delivery()), WAIT);
                    assertTrue(Duration.between(failedAt, Instant.now()).toSeconds() <= 10, "retried within 10 s");
                    assertEquals(200, retry.answered());
                    assertEquals(first.body(), retry.body(), "the same bytes on every attempt");
                    assertEquals("sha256=" + WebhookDispatcher.sign(secret, retry.body()), retry.signature());

                    JsonObject envelope = json(retry.body());
                    assertEquals(retry.delivery(), envelope.getString("id"));
                    assertEquals("session.started", envelope.getString("event"));
                    assertEquals(id, envelope.getString("chargerId"));
                    assertNotNull(envelope.getString("at"));
                    assertEquals(tx, envelope.getJsonObject("data").getString("transactionId"));

                    cp.stopSession(tx, 5000, Instant.now(), "EVDisconnected");
                    JsonObject stopped = json(receiver.await(r -> "session.stopped".equals(r.event())
                            && r.body().contains(id), WAIT).body());
                    assertEquals(4000, stopped.getJsonObject("data").getJsonNumber("energyWh").longValue());
                    cp.connectorStatus(1, "Available");
                }
                // Not subscribed: no status and no online/offline events for this hook.
                assertNull(receiver.none(r -> r.event().startsWith("charger.") && r.body().contains(id),
                        Duration.ofSeconds(2)));

                JsonObject deliveries = TestServer.get("/api/v1/webhooks/" + hookId + "/deliveries", ADMIN_TOKEN)
                        .json();
                JsonObject started = deliveries.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .filter(d -> d.getString("event").equals("session.started") && id.equals(d.getString(
                                "chargerId", null))).findFirst().orElseThrow();
                assertEquals("DELIVERED", started.getString("status"));
                assertEquals(2, started.getInt("attempts"));
                assertEquals(200, started.getInt("lastStatusCode"));
                assertTrue(started.isNull("nextAttemptAt"));

                JsonObject listed = TestServer.get("/api/v1/webhooks", ADMIN_TOKEN).json().getJsonArray("items")
                        .getValuesAs(JsonObject.class).stream().filter(w -> w.getJsonNumber("id").longValue() == hookId)
                        .findFirst().orElseThrow();
                assertTrue(listed.isNull("secret"), "the secret is shown once only");
                assertEquals(receiver.url(), listed.getString("url"));

                TestServer.Answer ping = TestServer.send("POST", "/api/v1/webhooks/" + hookId + "/test", ADMIN_TOKEN,
                        null);
                assertEquals(202, ping.status(), ping.body());
                WebhookReceiver.Received pinged = receiver.await(r -> "ping".equals(r.event()), WAIT);
                assertEquals(ping.json().getString("eventId"), pinged.delivery());
                assertEquals("sha256=" + WebhookDispatcher.sign(secret, pinged.body()), pinged.signature());
            } finally {
                assertEquals(204, TestServer.send("DELETE", "/api/v1/webhooks/" + hookId, ADMIN_TOKEN, null).status());
            }
            assertEquals(404, TestServer.send("DELETE", "/api/v1/webhooks/" + hookId, ADMIN_TOKEN, null).status());
        }
    }

    @Test
    void allEventsWithTheOwnersSecret() {
        String id = TestServer.uniqueId("HOOK-ALL");
        String secret = "my-own-secret-0123456789";
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            JsonObject hook = subscribe(receiver.url(), "\"*\"", secret);
            assertEquals(secret, hook.getString("secret"));
            try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V201)) {
                WebhookReceiver.Received online = receiver.await(r -> "charger.online".equals(r.event())
                        && r.body().contains(id), WAIT);
                assertEquals("sha256=" + WebhookDispatcher.sign(secret, online.body()), online.signature());
                receiver.await(r -> "charger.status".equals(r.event()) && r.body().contains(id), WAIT);
            } finally {
                TestServer.send("DELETE", "/api/v1/webhooks/" + hook.getJsonNumber("id").longValue(), ADMIN_TOKEN,
                        null);
            }
        }
    }

    @Test
    void badSubscriptionsAreRefusedAndViewersSeeNone() {
        for (String body : new String[] {"{\"url\":\"ftp://x/y\",\"events\":[\"*\"]}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"session.begun\"]}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"events\":[]}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"*\"],\"secret\":\"short\"}",
                "{\"events\":[\"*\"]}"}) {
            TestServer.Answer answer = TestServer.send("POST", "/api/v1/webhooks", ADMIN_TOKEN, body);
            assertEquals(400, answer.status(), body + " -> " + answer.body());
            assertTrue(answer.json().containsKey("message"), answer.body());
        }
        assertEquals(403, TestServer.get("/api/v1/webhooks", VIEWER_TOKEN).status());
        assertEquals(404, TestServer.get("/api/v1/webhooks/999999/deliveries", ADMIN_TOKEN).status());
    }
}
