package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The newcomer's path: boot, plug in, charge, unplug; the result read back through the API. */
class ChargingSessionIT {

    private final String base = TestServer.baseUrl();

    @Test
    void aWholeSessionIsRecordedWithItsEnergyAndStopReason() {
        String id = TestServer.uniqueId("CP");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            JsonObject boot = cp.boot("Acme", "Wallbox 11");
            assertEquals("Accepted", boot.getString("status"));
            assertEquals(5, boot.getInt("interval"), "interval comes from PLUGHOME_HEARTBEAT_INTERVAL");
            assertNotNull(Instant.parse(boot.getString("currentTime")));

            cp.status(0, "Available", "NoError");
            cp.status(1, "Preparing", "NoError");
            JsonObject auth = cp.callOk("Authorize", Json.createObjectBuilder().add("idTag", "TAG-1").build());
            assertEquals("Accepted", auth.getJsonObject("idTagInfo").getString("status"));

            long tx = cp.startTransaction(1, "TAG-1", 1_000_000, start);
            assertTrue(tx > 0);
            cp.status(1, "Charging", "NoError");
            cp.meterValues(1, tx, start.plusSeconds(300), "1003.5", "kWh", 7200.0);

            // live: energy so far and power, while the session runs
            JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
            assertTrue(charger.getBoolean("online"));
            assertEquals("Acme", charger.getString("vendor"));
            assertEquals("Wallbox 11", charger.getString("model"));
            assertEquals("1.2.3", charger.getString("firmwareVersion"));
            assertEquals("ocpp1.6", charger.getString("protocol"));
            JsonObject active = charger.getJsonObject("activeSession");
            assertEquals(Long.toString(tx), active.getString("transactionId"), "a string for every charger");
            assertEquals(3500, active.getJsonNumber("energyWh").longValue(), "1003.5 kWh - 1000000 Wh");
            assertEquals(7200.0, active.getJsonNumber("powerW").doubleValue());
            JsonObject connector1 = charger.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getInt("connectorId") == 1).findFirst().orElseThrow();
            assertEquals("Charging", connector1.getString("status"));
            assertEquals("NoError", connector1.getString("errorCode"));

            JsonObject stop = cp.stopTransaction(tx, 1_007_250, start.plusSeconds(900), "EVDisconnected");
            assertEquals("Accepted", stop.getJsonObject("idTagInfo").getString("status"));
            cp.status(1, "Available", "NoError");
        }

        JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
        assertEquals(JsonValue.NULL, charger.get("activeSession"));
        JsonObject page = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json();
        assertEquals(1, page.getInt("total"));
        JsonObject session = page.getJsonArray("items").getJsonObject(0);
        assertEquals(7250, session.getJsonNumber("energyWh").longValue());
        assertEquals(1_000_000, session.getJsonNumber("meterStartWh").longValue());
        assertEquals(1_007_250, session.getJsonNumber("meterStopWh").longValue());
        assertEquals("EVDisconnected", session.getString("stopReason"));
        assertEquals(start, Instant.parse(session.getString("startedAt")), "the charger's own timestamp");
        assertEquals(start.plusSeconds(900), Instant.parse(session.getString("stoppedAt")));
        assertEquals("TAG-1", session.getString("idTag"));
        assertEquals(JsonValue.NULL, session.get("costEstimate"));
        assertFalse(session.getBoolean("active"));

        JsonObject one = TestServer.get("/api/v1/sessions/" + session.getJsonNumber("id"), VIEWER_TOKEN).json();
        assertEquals(session.getString("transactionId"), one.getString("transactionId"));

        JsonObject samples = TestServer.get("/api/v1/sessions/" + session.getJsonNumber("id") + "/meter-values",
                VIEWER_TOKEN).json();
        assertEquals(2, samples.getInt("total"));
        assertEquals(1_003_500.0, samples.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("measurand").equals("Energy.Active.Import.Register")).findFirst()
                .orElseThrow().getJsonNumber("baseValue").doubleValue());
    }

    @Test
    void theCsvExportHasAHeaderAndOneQuotedRowPerSession() {
        String id = TestServer.uniqueId("CSV");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            long tx1 = cp.startTransaction(1, "TAG,\"A\"", 500, start);
            cp.stopTransaction(tx1, 2500, start.plusSeconds(60), "Local");
            long tx2 = cp.startTransaction(1, "TAG-B", 2500, start.plusSeconds(120));
            cp.stopTransaction(tx2, 3000, start.plusSeconds(180), "Remote");
        }
        String query = "/api/v1/sessions?chargerId=" + id;
        TestServer.Answer csv = TestServer.get(query, VIEWER_TOKEN, "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("\r\n"), "RFC 4180 line ends");
        List<String> lines = csv.body().lines().toList();
        assertEquals(3, lines.size(), csv.body());
        List<String> header = List.of(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("chargerId", "energyWh", "startedAt", "stoppedAt", "stopReason")),
                lines.get(0));
        List<String> newest = List.of(lines.get(1).split(",", -1));
        assertEquals(id, newest.get(header.indexOf("chargerId")));
        assertEquals("500", newest.get(header.indexOf("energyWh")));
        assertEquals("Remote", newest.get(header.indexOf("stopReason")));
        assertTrue(lines.get(2).contains("\"TAG,\"\"A\"\"\""), lines.get(2));
        assertTrue(lines.get(2).contains(",2000,Local,"), lines.get(2));
        assertEquals(csv.body(), TestServer.get(query + "&format=csv", VIEWER_TOKEN).body());
    }

    @Test
    void aStopForATransactionNeverSeenIsRecordedFromItsTransactionData() {
        String id = TestServer.uniqueId("OFFLINE");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            JsonObject stop = cp.callOk("StopTransaction", Json.createObjectBuilder().add("transactionId", 4711)
                    .add("meterStop", 12_000).add("timestamp", start.plusSeconds(3600).toString()).add("reason", "Local")
                    .add("transactionData", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("timestamp", start.toString())
                                    .add("sampledValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                            .add("value", "10000").add("context", "Transaction.Begin"))))
                            .add(Json.createObjectBuilder().add("timestamp", start.plusSeconds(3600).toString())
                                    .add("sampledValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                            .add("value", "12.0").add("unit", "kWh").add("context", "Transaction.End")))))
                    .build());
            assertNotNull(stop);
        }
        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("4711", session.getString("transactionId"));
        assertTrue(session.getBoolean("startedUnseen"));
        assertEquals(start, Instant.parse(session.getString("startedAt")));
        assertEquals(2000, session.getJsonNumber("energyWh").longValue());
        assertEquals("Local", session.getString("stopReason"));
    }

    @Test
    void knownDeviationsAreAcceptedKeptAndCounted() {
        String id = TestServer.uniqueId("QUIRKY");
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            // enum in the wrong case
            cp.callOk("StatusNotification", Json.createObjectBuilder().add("connectorId", 1).add("status", "charging")
                    .add("errorCode", "noError").build());
            // an idTag longer than 20 characters, a zone-less timestamp
            long tx = cp.callOk("StartTransaction", Json.createObjectBuilder().add("connectorId", 1)
                    .add("idTag", "ABCDEFGHIJKLMNOPQRSTUVWXYZ").add("meterStart", 100)
                    .add("timestamp", "2026-11-20T08:00:00").build()).getJsonNumber("transactionId").longValue();
            // "Celcius" and "Hz": units outside the list, the energy reading still counts
            cp.callOk("MeterValues", Json.createObjectBuilder().add("connectorId", 1).add("transactionId", tx)
                    .add("meterValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("timestamp", "2026-11-20T08:30:00Z").add("sampledValue", Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("value", "31.5").add("measurand", "Temperature")
                                            .add("unit", "Celcius"))
                                    .add(Json.createObjectBuilder().add("value", "50").add("measurand", "Frequency")
                                            .add("unit", "Hz"))
                                    .add(Json.createObjectBuilder().add("value", "1.1").add("unit", "kWh")))))
                    .build());
            // a 1970 stop time and a lost transaction id: the open session is still closed
            cp.callOk("StopTransaction", Json.createObjectBuilder().add("transactionId", 0).add("meterStop", 1600)
                    .add("timestamp", "1970-01-01T00:00:00Z").build());
        }
        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ", session.getString("idTag"));
        assertEquals(Instant.parse("2026-11-20T08:00:00Z"), Instant.parse(session.getString("startedAt")));
        assertEquals(1500, session.getJsonNumber("energyWh").longValue());
        assertFalse(session.getBoolean("active"));
        Instant stoppedAt = Instant.parse(session.getString("stoppedAt"));
        assertTrue(Duration.between(stoppedAt, Instant.now()).abs().toMinutes() < 5, "server time replaces 1970");

        JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
        JsonObject deviations = charger.getJsonObject("deviations");
        for (String kind : List.of("enum-case", "string-too-long", "timestamp-without-zone", "unit-spelling",
                "unknown-unit", "timestamp-implausible", "transaction-id-unknown")) {
            assertTrue(deviations.containsKey(kind), kind + " not counted in " + deviations);
        }
        assertEquals("Charging", charger.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getInt("connectorId") == 1).findFirst().orElseThrow().getString("status"));
    }

    @Test
    void aRepeatedStartTransactionGetsTheSameTransactionId() {
        String id = TestServer.uniqueId("RETRY");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            long first = cp.startTransaction(1, "TAG-1", 42, start);
            long again = cp.startTransaction(1, "TAG-1", 42, start);
            assertEquals(first, again);
        }
        assertEquals(1, TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json().getInt("total"));
    }
}
