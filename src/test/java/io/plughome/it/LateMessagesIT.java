package io.plughome.it;

import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A charger that was offline replays its queue late, in a burst, with old timestamps, some after
 * its StopTransaction, some twice: each reading lands in the session it belongs to and nothing
 * is counted twice, in either OCPP version. Values longer than the columns they go to are cut on purpose and counted,
 * and the good readings of the same message are all kept.
 */
class LateMessagesIT {

    private final String base = TestServer.baseUrl();

    @ParameterizedTest
    @EnumSource(Version.class)
    void aLateBurstLandsInTheRightSessionsAndNothingTwice(Version version) {
        String id = TestServer.uniqueId("LATE-" + version.name());
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            String first = cp.startSession(1, "TAG-L", 10_000, t0);
            cp.meter(1, first, t0.plusSeconds(60), 10_100, 7000);
            cp.stopSession(first, 10_500, t0.plusSeconds(600), "EVDisconnected");
            String second = cp.startSession(1, "TAG-L", 10_500, t0.plusSeconds(3600));

            // the queue of the first session arrives now, after its stop and after the next start
            cp.meter(1, first, t0.plusSeconds(120), 10_200, 7000);
            cp.meter(1, first, t0.plusSeconds(120), 10_200, 7000); // sent again: its answer was lost
            cp.meter(1, first, t0.plusSeconds(60), 10_100, 7000);  // already stored
            // a reading without transaction id, from the time of the first session
            JsonObject reading = Json.createObjectBuilder().add("timestamp", t0.plusSeconds(300).toString())
                    .add("sampledValue", Json.createArrayBuilder().add(version == Version.V16
                            ? Json.createObjectBuilder().add("value", "10300")
                            : Json.createObjectBuilder().add("value", 10300))).build();
            cp.callOk("MeterValues", Json.createObjectBuilder().add(version == Version.V16 ? "connectorId" : "evseId", 1)
                    .add("meterValue", Json.createArrayBuilder().add(reading)).build());
            cp.meter(1, second, t0.plusSeconds(3660), 10_600, 7000);
            cp.meter(1, second, t0.plusSeconds(3660), 10_600, 7000);

            // 2.0.1 sends a reading with the start and one with the end of each transaction besides
            int startAndEnd = version == Version.V16 ? 0 : 2;
            JsonObject firstSession = session(id, first);
            assertEquals(500, firstSession.getJsonNumber("energyWh").longValue(), "a stopped session keeps its energy");
            assertEquals(5 + startAndEnd, samples(firstSession).size(), "each reading once: " + values(firstSession));
            assertTrue(values(firstSession).stream().filter(v -> v.equals("10300")).count() == 1,
                    "the reading without transaction id is the first session's: " + values(firstSession));
            JsonObject secondSession = session(id, second);
            assertEquals(100, secondSession.getJsonNumber("energyWh").longValue());
            assertEquals(2 + startAndEnd / 2, samples(secondSession).size(), values(secondSession).toString());
        }
    }

    @Test
    void valuesLongerThanTheirColumnsAreCutAndTheGoodReadingsKept() {
        String id = TestServer.uniqueId("LONG");
        String longTag = "T".repeat(300);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            JsonArray start = cp.call("StartTransaction", Json.createObjectBuilder().add("connectorId", 1)
                    .add("idTag", longTag).add("meterStart", 0).add("timestamp", t0.toString()).build());
            assertEquals(3, start.getInt(0), "accepted: " + start);
            long tx = start.getJsonObject(2).getJsonNumber("transactionId").longValue();
            String x = "x".repeat(120);
            JsonArray meter = cp.call("MeterValues", Json.createObjectBuilder().add("connectorId", 1)
                    .add("transactionId", tx).add("meterValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("timestamp", t0.plusSeconds(60).toString()).add("sampledValue", Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("value", "250"))
                                    .add(Json.createObjectBuilder().add("value", "1" + "0".repeat(150))
                                            .add("measurand", "Vendor." + x).add("phase", x).add("location", x)
                                            .add("context", x).add("unit", x))))).build());
            assertEquals(3, meter.getInt(0), "accepted: " + meter);

            JsonObject session = session(id, tx);
            assertEquals(255, session.getString("idTag").length());
            assertEquals(250, session.getJsonNumber("energyWh").longValue(), "the good reading counts");
            List<JsonObject> samples = samples(session);
            assertEquals(2, samples.size());
            JsonObject odd = samples.get(1);
            assertEquals(60, odd.getString("measurand").length());
            assertTrue(odd.getString("value").length() <= 100, odd.toString());
            JsonObject deviations = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                    .getJsonObject("deviations");
            assertTrue(deviations.containsKey("string-truncated"), deviations.toString());
        }
    }

    private static JsonObject session(String chargerId, long transactionId) {
        return session(chargerId, Long.toString(transactionId));
    }

    private static JsonObject session(String chargerId, String transactionId) {
        return TestServer.get("/api/v1/sessions?chargerId=" + chargerId, VIEWER_TOKEN).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("transactionId").equals(transactionId)).findFirst().orElseThrow();
    }

    private static List<JsonObject> samples(JsonObject session) {
        return TestServer.get("/api/v1/sessions/" + session.getJsonNumber("id") + "/meter-values", VIEWER_TOKEN).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<String> values(JsonObject session) {
        return samples(session).stream().map(s -> s.getString("value")).toList();
    }
}
