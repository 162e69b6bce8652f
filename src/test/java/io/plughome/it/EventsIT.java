package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.SseClient;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Live events over SSE: what a dashboard sees while a car charges. */
class EventsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String base = TestServer.baseUrl();

    @ParameterizedTest
    @EnumSource(Version.class)
    void aDashboardSeesStatusSessionAndMeterValuesArriveLive(Version version) {
        String id = TestServer.uniqueId("SSE-" + version.name());
        try (SseClient events = SseClient.open("/api/v1/events?chargerId=" + id, VIEWER_TOKEN);
                ChargePointSimulator cp = ChargePointSimulator.connect(base, id, version)) {
            assertEquals(id, events.await(e -> e.name().equals("charger.online"), WAIT).data().getString("chargerId"));
            cp.bootUp("Acme", "Live");
            cp.connectorStatus(1, "Preparing");
            JsonObject status = events.await(e -> e.name().equals("charger.status"), WAIT).data();
            assertEquals("Preparing", status.getJsonObject("data").getString("status"));
            assertEquals(1, status.getJsonObject("data").getInt("connectorId"));

            String tx = cp.startSession(1, "CARD-7", 10_000, Instant.now());
            SseClient.Event started = events.await(e -> e.name().equals("session.started"), WAIT);
            assertEquals(tx, started.data().getJsonObject("data").getString("transactionId"));
            assertEquals(started.id(), started.data().getString("id"));

            cp.meter(1, tx, Instant.now(), 12_500, 7400);
            // (a 2.0.1 start carries a reading of its own: the one after it is the one to see)
            JsonObject meter = events.await(e -> e.name().equals("meter.values")
                    && e.data().getJsonObject("data").get("energyWh") instanceof jakarta.json.JsonNumber energy
                    && energy.longValue() > 0, WAIT).data();
            assertEquals("meter.values", meter.getString("event"));
            assertEquals(id, meter.getString("chargerId"));
            assertEquals(2500, meter.getJsonObject("data").getJsonNumber("energyWh").longValue());
            assertEquals(7400.0, meter.getJsonObject("data").getJsonNumber("powerW").doubleValue(), 0.01);

            cp.stopSession(tx, 13_000, Instant.now(), "EVDisconnected");
            JsonObject stopped = events.await(e -> e.name().equals("session.stopped"), WAIT).data();
            assertEquals(3000, stopped.getJsonObject("data").getJsonNumber("energyWh").longValue());
            assertEquals("EVDisconnected", stopped.getJsonObject("data").getString("stopReason"));

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
