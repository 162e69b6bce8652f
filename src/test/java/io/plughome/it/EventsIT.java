package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.SseClient;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Live events over SSE: what a dashboard sees while a car charges. */
class EventsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String base = TestServer.baseUrl();

    @Test
    void aDashboardSeesStatusSessionAndMeterValuesArriveLive() {
        String id = TestServer.uniqueId("SSE");
        try (SseClient events = SseClient.open("/api/v1/events?chargerId=" + id, VIEWER_TOKEN);
                ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            assertEquals(id, events.await(e -> e.name().equals("charger.online"), WAIT).data().getString("chargerId"));
            cp.boot("Acme", "Live");
            cp.status(1, "Preparing", "NoError");
            JsonObject status = events.await(e -> e.name().equals("charger.status"), WAIT).data();
            assertEquals("Preparing", status.getJsonObject("data").getString("status"));
            assertEquals(1, status.getJsonObject("data").getInt("connectorId"));

            long tx = cp.startTransaction(1, "CARD-7", 10_000, Instant.now());
            SseClient.Event started = events.await(e -> e.name().equals("session.started"), WAIT);
            assertEquals(Long.toString(tx), started.data().getJsonObject("data").getString("transactionId"));
            assertEquals(started.id(), started.data().getString("id"));

            cp.meterValues(1, tx, Instant.now(), "12.5", "kWh", 7400);
            JsonObject meter = events.await(e -> e.name().equals("meter.values"), WAIT).data();
            assertEquals("meter.values", meter.getString("event"));
            assertEquals(id, meter.getString("chargerId"));
            assertEquals(2500, meter.getJsonObject("data").getJsonNumber("energyWh").longValue());
            assertEquals(7400.0, meter.getJsonObject("data").getJsonNumber("powerW").doubleValue(), 0.01);

            cp.stopTransaction(tx, 13_000, Instant.now(), "EVDisconnected");
            JsonObject stopped = events.await(e -> e.name().equals("session.stopped"), WAIT).data();
            assertEquals(3000, stopped.getJsonObject("data").getJsonNumber("energyWh").longValue());

            CompletableFuture<TestServer.Answer> command = CompletableFuture.supplyAsync(() -> TestServer.send("POST",
                    "/api/v1/chargers/" + id + "/trigger", ADMIN_TOKEN, "{\"requestedMessage\":\"Heartbeat\"}"));
            cp.replyStatus(cp.nextServerCall(), "Accepted");
            assertEquals(200, command.join().status());
            JsonObject result = events.await(e -> e.name().equals("command.result"), WAIT).data();
            assertEquals("Accepted", result.getJsonObject("data").getString("outcome"));
            assertEquals("Trigger", result.getJsonObject("data").getString("command"));
        }
    }

    @Test
    void filtersKeepOtherChargersAndTypesOut() {
        String mine = TestServer.uniqueId("SSE-MINE");
        String other = TestServer.uniqueId("SSE-OTHER");
        try (SseClient events = SseClient.open("/api/v1/events?chargerId=" + mine + "&types=charger.status",
                VIEWER_TOKEN); ChargePointSimulator a = ChargePointSimulator.connect16(base, other);
                ChargePointSimulator b = ChargePointSimulator.connect16(base, mine)) {
            a.boot("Acme", "Other");
            a.status(1, "Available", "NoError");
            b.boot("Acme", "Mine");
            b.status(2, "Faulted", "GroundFailure");
            SseClient.Event event = events.await(e -> true, WAIT);
            assertEquals("charger.status", event.name());
            assertEquals(mine, event.data().getString("chargerId"));
            assertNull(events.poll(Duration.ofMillis(500)), "an event the filter excludes arrived");
        }
    }

    @Test
    void theStreamNeedsATokenWhichMayBeAQueryParameter() {
        assertEquals(401, SseClient.statusOf("/api/v1/events", null));
        assertEquals(400, SseClient.statusOf("/api/v1/events?types=coffee.ready", VIEWER_TOKEN));
        String id = TestServer.uniqueId("SSE-Q");
        try (SseClient events = SseClient.open("/api/v1/events?access_token=" + VIEWER_TOKEN + "&chargerId=" + id,
                null); ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            assertTrue(events.await(e -> e.name().equals("charger.online"), WAIT).data().getString("at").length() > 0);
        }
    }
}
