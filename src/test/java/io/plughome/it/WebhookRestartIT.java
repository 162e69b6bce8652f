package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.ServerControl;
import io.plughome.testsupport.TestServer;
import io.plughome.testsupport.WebhookReceiver;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A webhook delivery that could not be made waits in the outbox through a server restart. */
class WebhookRestartIT {

    @Test
    void aPendingDeliverySurvivesARestartAndArrivesWhenTheReceiverIsBack() throws Exception {
        String id = TestServer.uniqueId("HOOK-RESTART");
        int port;
        try (WebhookReceiver probe = WebhookReceiver.start(0)) {
            port = probe.port(); // free now: nothing listens there until the receiver starts below
        }
        JsonObject hook = WebhooksIT.subscribe("http://127.0.0.1:" + port + "/hook", "[\"charger.online\"]", null);
        long hookId = hook.getJsonNumber("id").longValue();
        try {
            try (ChargePointSimulator cp = ChargePointSimulator.booted(TestServer.baseUrl(), id, Version.V16)) {
                AtomicReference<JsonObject> pending = new AtomicReference<>();
                assertTrue(TestServer.eventually(Duration.ofSeconds(20), () -> {
                    JsonObject d = TestServer.get("/api/v1/webhooks/" + hookId + "/deliveries", ADMIN_TOKEN).json()
                            .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                            .filter(x -> id.equals(x.getString("chargerId", null)) && x.getInt("attempts") >= 1)
                            .findFirst().orElse(null);
                    pending.set(d);
                    return d != null;
                }), "an attempt that found nobody listening");
                assertEquals("PENDING", pending.get().getString("status"));
                assertTrue(pending.get().isNull("lastStatusCode"));
                assertTrue(pending.get().getString("lastError").contains("Connect"), pending.get().toString());
            }

            ServerControl.restart();

            try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
                WebhookReceiver.Received arrived = receiver.await(r -> "charger.online".equals(r.event())
                        && r.body().contains(id), Duration.ofSeconds(30));
                assertEquals(200, arrived.answered());
                assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> TestServer.get("/api/v1/webhooks/"
                        + hookId + "/deliveries", ADMIN_TOKEN).json().getJsonArray("items").getValuesAs(JsonObject.class)
                        .stream().anyMatch(d -> arrived.delivery().equals(d.getString("eventId"))
                                && "DELIVERED".equals(d.getString("status")))));
            }
        } finally {
            TestServer.send("DELETE", "/api/v1/webhooks/" + hookId, ADMIN_TOKEN, null);
        }
    }
}
