package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Persist before acknowledging, proven the hard way: eight chargers charge, the server
 * acknowledges a round of MeterValues from all of them, a StopTransaction and an API write, and
 * its JVM is killed with SIGKILL at once (no shutdown, no flush). Started again on the same data
 * directory it has every acknowledged message; the open sessions stay open, and when their
 * chargers come back (without a BootNotification, as a charger that kept running does) they are
 * asked to boot and report their status, and their sessions continue and close with the right
 * energy. Half the chargers speak OCPP 1.6, half 2.0.1 (whose TransactionEvents must be as
 * durable as 1.6's StartTransaction, MeterValues and StopTransaction). Runs on H2 (the default
 * database, where this needs the group commit) and PostgreSQL.
 */
class CrashRestartIT {

    private static final int CHARGERS = 8;
    private static final int ROUNDS = 5;
    private static final long STEP_WH = 100;

    @BeforeAll
    static void askForBootSoon() throws Exception {
        // Takes effect at the start after the kill: a reconnect without boot is asked for one after 1 s.
        ServerControl.setVariables("boot-trigger", Map.of("plughome.boot.trigger.seconds", "1"));
    }

    @AfterAll
    static void defaults() throws Exception {
        ServerControl.removeVariables("boot-trigger");
    }

    @Test
    void everythingAcknowledgedSurvivesAKilledServer() throws Exception {
        String base = TestServer.baseUrl();
        String prefix = TestServer.uniqueId("CRASH");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<ChargePointSimulator> chargers = new ArrayList<>();
        List<String> transactions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CHARGERS);
        String idTag = "CR" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        try {
            for (int i = 0; i < CHARGERS; i++) {
                ChargePointSimulator cp = ChargePointSimulator.booted(base, prefix + "-" + i, version(i));
                chargers.add(cp);
                transactions.add(cp.startSession(1, "TAG-" + i, meterStart(i), start));
            }
            for (int round = 1; round <= ROUNDS; round++) {
                int r = round;
                List<CompletableFuture<JsonObject>> acks = new ArrayList<>();
                for (int i = 0; i < CHARGERS; i++) {
                    int c = i;
                    acks.add(CompletableFuture.supplyAsync(() -> chargers.get(c).meter(1, transactions.get(c),
                            start.plusSeconds(10L * r), meterStart(c) + r * STEP_WH, 7400), pool));
                }
                acks.forEach(CompletableFuture::join); // every reading of the round acknowledged
            }
            chargers.get(0).stopSession(transactions.get(0), meterStart(0) + ROUNDS * STEP_WH + 50,
                    start.plusSeconds(10L * ROUNDS + 5), "EVDisconnected");
            chargers.get(1).stopSession(transactions.get(1), meterStart(1) + ROUNDS * STEP_WH + 50,
                    start.plusSeconds(10L * ROUNDS + 5), "EVDisconnected");
            TestServer.Answer written = TestServer.send("PUT", "/api/v1/id-tags/" + idTag, ADMIN_TOKEN,
                    "{\"name\":\"written just before the crash\",\"status\":\"Accepted\"}");
            assertEquals(201, written.status(), written.body());

            ServerControl.kill9(); // right after the last acknowledgement: no waiting
        } finally {
            chargers.forEach(ChargePointSimulator::close);
            pool.shutdownNow();
        }

        ServerControl.start();

        for (int i = 0; i < CHARGERS; i++) {
            JsonObject session = session(prefix + "-" + i);
            assertEquals(transactions.get(i), session.getString("transactionId"), "transaction of charger " + i);
            JsonObject samples = TestServer.get("/api/v1/sessions/" + session.getJsonNumber("id") + "/meter-values",
                    VIEWER_TOKEN).json();
            // 2.0.1 sends its start reading (and its end reading) in the transaction's events
            int startAndEnd = version(i) == Version.V16 ? 0 : i < 2 ? 2 : 1;
            assertEquals(2 * ROUNDS + startAndEnd, samples.getInt("total"), "acknowledged readings of charger " + i);
            if (i < 2) {
                assertFalse(session.isNull("stoppedAt"), "the acknowledged StopTransaction is kept");
                assertEquals("EVDisconnected", session.getString("stopReason"));
                assertEquals(ROUNDS * STEP_WH + 50, session.getJsonNumber("energyWh").longValue());
            } else {
                assertTrue(session.isNull("stoppedAt"), "an open session stays open across the crash");
                assertEquals(ROUNDS * STEP_WH, session.getJsonNumber("energyWh").longValue(),
                        "the last acknowledged reading of charger " + i);
            }
        }
        assertEquals(200, TestServer.get("/api/v1/id-tags/" + idTag, VIEWER_TOKEN).status(),
                "the API write answered 201 is kept");

        // A charger that kept running comes back without a BootNotification: it is asked for one and
        // for its status, and its session goes on to close with the energy of the whole session.
        for (int c : new int[] {2, 3}) { // one of each version
            try (ChargePointSimulator cp = ChargePointSimulator.connect(base, prefix + "-" + c, version(c))) {
                JsonArray boot = awaitTrigger(cp, "BootNotification");
                cp.replyStatus(boot, "Accepted");
                cp.bootUp("PlugHome", "Simulator");
                JsonArray status = awaitTrigger(cp, "StatusNotification");
                cp.replyStatus(status, "Accepted");
                cp.resume(1, transactions.get(c), ROUNDS + 1);
                cp.connectorStatus(1, "Charging");

                long last = meterStart(c) + ROUNDS * STEP_WH;
                cp.meter(1, transactions.get(c), start.plusSeconds(600), last + 700, 7400);
                assertEquals(ROUNDS * STEP_WH + 700, session(prefix + "-" + c).getJsonNumber("energyWh").longValue());
                cp.stopSession(transactions.get(c), last + 900, start.plusSeconds(700), "Local");
            }
            afterReconnect(prefix, c);
        }
    }

    private static void afterReconnect(String prefix, int c) {
        JsonObject closed = session(prefix + "-" + c);
        assertFalse(closed.isNull("stoppedAt"));
        assertEquals(ROUNDS * STEP_WH + 900, closed.getJsonNumber("energyWh").longValue());
        assertEquals("Charging", TestServer.get("/api/v1/chargers/" + prefix + "-" + c, VIEWER_TOKEN).json()
                .getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getInt("connectorId") == 1).findFirst().orElseThrow().getString("status"),
                "charger " + c);
    }

    @Test
    void aStoppingServerClosesChargerSocketsWithGoingAway() throws Exception {
        String id = TestServer.uniqueId("SIGTERM");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(TestServer.baseUrl(), id)) {
            long tx = cp.startTransaction(1, "TAG-T", 100, Instant.now());
            ServerControl.terminate();
            assertEquals(1001, cp.awaitClose(Duration.ofSeconds(30)), "1001: going away, reconnect soon");
            ServerControl.start();
            assertTrue(session(id).isNull("stoppedAt"));
            assertEquals(Long.toString(tx), session(id).getString("transactionId"));
        }
    }

    /** Even chargers speak 1.6, odd ones 2.0.1. */
    private static Version version(int charger) {
        return charger % 2 == 0 ? Version.V16 : Version.V201;
    }

    private static long meterStart(int charger) {
        return 1_000_000L * (charger + 1);
    }

    private static JsonObject session(String chargerId) {
        JsonObject page = TestServer.get("/api/v1/sessions?chargerId=" + chargerId, VIEWER_TOKEN).json();
        assertEquals(1, page.getInt("total"), "sessions of " + chargerId);
        return page.getJsonArray("items").getJsonObject(0);
    }

    /** The TriggerMessage for {@code message} the server sends; other calls (e.g. profiles) are answered. */
    private static JsonArray awaitTrigger(ChargePointSimulator cp, String message) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            JsonArray call = cp.pollServerCall(Duration.ofSeconds(1));
            if (call == null) {
                continue;
            }
            if ("TriggerMessage".equals(call.getString(2))
                    && message.equals(call.getJsonObject(3).getString("requestedMessage"))) {
                return call;
            }
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());
        }
        throw new AssertionError("no TriggerMessage(" + message + ") within 20 s");
    }
}
