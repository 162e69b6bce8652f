package io.plughome.it;

import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The OCPP-J edge: sub-protocol negotiation, both URL forms, and the CALLERRORs for bad frames. */
class OcppProtocolIT {

    private final String base = TestServer.baseUrl();
    private final String ws = TestServer.wsUrl(base);

    @Test
    void negotiatesOcpp16FromTheClientsList() {
        try (ChargePointSimulator cp = ChargePointSimulator.connect(ws + "/ocpp/" + TestServer.uniqueId("NEG"),
                "NEG", "ocpp2.1", "ocpp1.6")) {
            assertEquals("ocpp1.6", cp.subprotocol());
            assertEquals("Accepted", cp.boot("Acme", "W").getString("status"));
        }
    }

    @Test
    void aChargerWithoutSubprotocolHeaderIsServedAsOcpp16() {
        String id = TestServer.uniqueId("NOHEADER");
        try (ChargePointSimulator cp = ChargePointSimulator.connect(ws + "/ocpp/" + id, id)) {
            assertEquals("", cp.subprotocol());
            assertEquals("Accepted", cp.boot("Acme", "W").getString("status"));
        }
        assertEquals("ocpp1.6", TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json().getString("protocol"));
    }

    @Test
    void aClientOfferingOnlyUnknownVersionsIsRefused() {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> ChargePointSimulator.connect(ws + "/ocpp/" + TestServer.uniqueId("OLD"), "OLD", "ocpp1.5"));
        WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
        assertEquals(400, handshake.getResponse().statusCode());
    }

    @Test
    void theRootUrlFormWorksToo() {
        String id = TestServer.uniqueId("ROOT");
        try (ChargePointSimulator cp = ChargePointSimulator.connect(ws + "/" + id, id, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Acme", "Root").getString("status"));
        }
        assertEquals("Root", TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json().getString("model"));
    }

    @Test
    void malformedFramesGetCallErrorsAndTheSocketStaysOpen() {
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, TestServer.uniqueId("BAD"))) {
            cp.boot("Acme", "W");

            cp.send("this is not json");
            assertError(cp.next(), "-1", "FormationViolation");
            cp.send("{\"an\":\"object\"}");
            assertError(cp.next(), "-1", "FormationViolation");
            cp.send("[2,\"x1\",\"Heartbeat\"]");
            assertError(cp.next(), "x1", "ProtocolError");
            cp.send("[2,\"x2\",\"Heartbeat\",[]]");
            assertError(cp.next(), "x2", "FormationViolation");

            assertError(cp.call("FlyToTheMoon", Json.createObjectBuilder().build()), null, "NotImplemented");
            // missing required field
            assertError(cp.call("BootNotification", Json.createObjectBuilder().add("chargePointVendor", "Acme").build()),
                    null, "OccurenceConstraintViolation");
            // wrong JSON type
            assertError(cp.call("StatusNotification", Json.createObjectBuilder().add("connectorId", "one")
                    .add("status", "Available").add("errorCode", "NoError").build()), null, "TypeConstraintViolation");
            // a value outside the specification
            assertError(cp.call("StatusNotification", Json.createObjectBuilder().add("connectorId", 1)
                    .add("status", "Exploded").add("errorCode", "NoError").build()), null, "PropertyConstraintViolation");
            assertError(cp.call("BootNotification", Json.createObjectBuilder().add("chargePointVendor", "A".repeat(21))
                    .add("chargePointModel", "W").build()), null, "PropertyConstraintViolation");

            assertTrue(cp.isOpen());
            JsonObject heartbeat = cp.callOk("Heartbeat", Json.createObjectBuilder().build());
            assertTrue(Duration.between(Instant.parse(heartbeat.getString("currentTime")), Instant.now()).abs()
                    .toSeconds() < 60);
        }
    }

    @Test
    void aBadFrameLosesNothingAlreadyStored() {
        String id = TestServer.uniqueId("KEEP");
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            long tx = cp.startTransaction(1, "TAG", 10, Instant.now().minusSeconds(30));
            cp.send("[2,\"broken\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":\"lots\"}]");
            assertError(cp.next(), "broken", "TypeConstraintViolation");
            cp.meterValues(1, tx, Instant.now(), "110", "Wh", 1000);
        }
        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(100, session.getJsonNumber("energyWh").longValue());
    }

    /**
     * A charger that sends its next CALL before the answer to the last (OCPP says it waits; not
     * every charger does): its reports are stored in the order sent, even though reports of many
     * chargers are stored together in shared transactions.
     */
    @Test
    void callsSentWithoutWaitingAreStoredInTheOrderSent() {
        String id = TestServer.uniqueId("PIPE");
        Instant start = Instant.now().minusSeconds(120);
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            long tx = cp.startTransaction(1, "TAG", 1000, start);
            java.util.List<String> sent = new java.util.ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                String status = i % 2 == 0 ? "Charging" : "SuspendedEV";
                cp.send("[2,\"s" + i + "\",\"StatusNotification\",{\"connectorId\":1,\"status\":\"" + status
                        + "\",\"errorCode\":\"NoError\"}]");
                cp.send("[2,\"m" + i + "\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":" + tx
                        + ",\"meterValue\":[{\"timestamp\":\"" + start.plusSeconds(i) + "\",\"sampledValue\":[{"
                        + "\"value\":\"" + (1000 + 100 * i) + "\",\"measurand\":\"Energy.Active.Import.Register\","
                        + "\"unit\":\"Wh\"}]}]}]");
                sent.add("s" + i);
                sent.add("m" + i);
            }
            java.util.Set<String> answered = new java.util.HashSet<>();
            for (int i = 0; i < sent.size(); i++) {
                JsonArray answer = cp.next();
                assertEquals(3, answer.getInt(0), "a CALLRESULT: " + answer);
                answered.add(answer.getString(1));
            }
            assertEquals(new java.util.HashSet<>(sent), answered);
        }
        JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
        JsonObject connector1 = charger.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getInt("connectorId") == 1).findFirst().orElseThrow();
        assertEquals("Charging", connector1.getString("status"), "the last status sent is the one kept");
        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(1000, session.getJsonNumber("energyWh").longValue(), "the last register sent, 2000 - 1000 Wh");
    }

    @Test
    void aChargerThatNeverWaitsGetsEachAnswerOnceAndEveryAcknowledgedReadingIsStored() {
        String id = TestServer.uniqueId("FLOOD");
        Instant start = Instant.now().minusSeconds(3600);
        int sent = 300;
        java.util.Map<String, JsonArray> answers = new java.util.HashMap<>();
        long tx;
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            tx = cp.startTransaction(1, "TAG", 1000, start);
            for (int i = 1; i <= sent; i++) {
                cp.send("[2,\"f" + i + "\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":" + tx
                        + ",\"meterValue\":[{\"timestamp\":\"" + start.plusSeconds(i) + "\",\"sampledValue\":[{"
                        + "\"value\":\"" + (1000 + i) + "\",\"measurand\":\"Energy.Active.Import.Register\","
                        + "\"unit\":\"Wh\"}]}]}]");
            }
            while (answers.size() < sent) {
                JsonArray answer = cp.next();
                assertNull(answers.put(answer.getString(1), answer), "answered twice: " + answer);
            }
            // the connection is still served in order afterwards
            assertEquals(3, cp.call("Heartbeat", JsonObject.EMPTY_JSON_OBJECT).getInt(0));
        }
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (JsonObject value : TestServer.get("/api/v1/sessions/" + tx + "/meter-values", VIEWER_TOKEN).json()
                .getJsonArray("items").getValuesAs(JsonObject.class)) {
            stored.add(value.getString("value"));
        }
        int acknowledged = 0;
        for (int i = 1; i <= sent; i++) {
            JsonArray answer = answers.get("f" + i);
            if (answer.getInt(0) == 3) {
                acknowledged++;
                assertTrue(stored.contains(Integer.toString(1000 + i)), "acknowledged but not stored: f" + i);
            } else {
                // refused at once, beyond what one connection may have waiting: sent again later
                assertEquals("InternalError", answer.getString(2), answer.toString());
                assertTrue(answer.getString(3).contains("without waiting for their answers"), answer.toString());
            }
        }
        assertTrue(acknowledged >= 1, "nothing acknowledged");
    }

    @Test
    void aFrameOverTheSizeLimitClosesOnlyThatSocketWith1009() {
        try (ChargePointSimulator big = ChargePointSimulator.connect16(base, TestServer.uniqueId("BIG"));
                ChargePointSimulator other = ChargePointSimulator.connect16(base, TestServer.uniqueId("OTHER"))) {
            big.boot("Acme", "W");
            other.boot("Acme", "W");
            big.send("[2,\"big\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + "x".repeat(300 * 1024) + "\"}]");
            assertEquals(1009, big.awaitClose(Duration.ofSeconds(10)));
            assertTrue(other.isOpen());
            assertEquals("Accepted", other.boot("Acme", "W").getString("status"));
        }
    }

    @Test
    void aNewConnectionForTheSameIdReplacesTheOldOne() {
        String id = TestServer.uniqueId("TWICE");
        try (ChargePointSimulator first = ChargePointSimulator.connect16(base, id)) {
            first.boot("Acme", "W");
            try (ChargePointSimulator second = ChargePointSimulator.connect16(base, id)) {
                first.awaitClose(Duration.ofSeconds(10));
                assertFalse(first.isOpen());
                assertEquals("Accepted", second.boot("Acme", "W").getString("status"));
                assertTrue(TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json().getBoolean("online"));
            }
        }
    }

    @Test
    void dataTransferIsAnsweredUnknownVendorId() {
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, TestServer.uniqueId("DT"))) {
            cp.boot("Acme", "W");
            JsonObject answer = cp.callOk("DataTransfer", Json.createObjectBuilder().add("vendorId", "com.acme")
                    .add("messageId", "hello").add("data", "{}").build());
            assertEquals("UnknownVendorId", answer.getString("status"));
        }
    }

    @Test
    void diagnosticsAndFirmwareStatusAreKeptOnTheCharger() {
        String id = TestServer.uniqueId("FW");
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            cp.callOk("DiagnosticsStatusNotification", Json.createObjectBuilder().add("status", "Uploading").build());
            cp.callOk("FirmwareStatusNotification", Json.createObjectBuilder().add("status", "Downloaded").build());
        }
        JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
        assertEquals("Uploading", charger.getString("diagnosticsStatus"));
        assertEquals("Downloaded", charger.getString("firmwareStatus"));
    }

    private static void assertError(JsonArray frame, String messageId, String code) {
        assertEquals(4, frame.getInt(0), "expected a CALLERROR, got " + frame);
        if (messageId != null) {
            assertEquals(messageId, frame.getString(1));
        }
        assertEquals(code, frame.getString(2), frame.toString());
        assertTrue(frame.getJsonObject(4) != null);
    }
}
