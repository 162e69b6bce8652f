package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Energy per day, week and month and their cost, against sessions a simulated charger recorded
 * around the night the clocks went forward in Berlin (the test servers' zone).
 */
class EnergyIT {

    private final String base = TestServer.baseUrl();

    @AfterEach
    void noTariffForOtherTests() {
        TestServer.send("DELETE", "/api/v1/tariff", ADMIN_TOKEN, null);
    }

    private static void session(ChargePointSimulator cp, String start, long from, long to) {
        Instant at = Instant.parse(start);
        String tx = cp.startSession(1, "CARD-E", from, at);
        cp.stopSession(tx, to, at.plusSeconds(3600), "EVDisconnected");
    }

    private static BigDecimal money(JsonObject o, String key) {
        return o.getJsonNumber(key).bigDecimalValue().setScale(2);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void bucketsAndCostsMatchTheSessionsRecorded(Version version) {
        TestServer.Answer tariff = TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN,
                "{\"pricePerKwh\":0.30,\"currency\":\"EUR\"}");
        assertEquals(200, tariff.status(), tariff.body());
        assertEquals("EUR", TestServer.get("/api/v1/tariff", VIEWER_TOKEN).json().getString("currency"));

        String id = TestServer.uniqueId("ENERGY-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            session(cp, "2026-03-28T10:00:00Z", 0, 10_000);        // Saturday 11:00 CET, 10 kWh
            session(cp, "2026-03-28T22:30:00Z", 10_000, 15_000);   // Saturday 23:30 CET, 5 kWh
            session(cp, "2026-03-28T23:30:00Z", 15_000, 17_500);   // Sunday 00:30 CET, 2.5 kWh
        }
        // a new price does not change what earlier sessions cost
        assertEquals(200, TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN,
                "{\"pricePerKwh\":0.40,\"currency\":\"EUR\"}").status());

        TestServer.Answer days = TestServer.get("/api/v1/energy?period=day&from=2026-03-28&to=2026-03-30&chargerId="
                + id, VIEWER_TOKEN);
        assertEquals(200, days.status(), days.body());
        JsonArray items = days.json().getJsonArray("items");
        assertEquals(2, items.size(), days.body());
        JsonObject saturday = items.getJsonObject(0);
        assertEquals("2026-03-27T23:00:00Z", saturday.getString("start"));
        assertEquals(15_000, saturday.getJsonNumber("energyWh").longValue());
        assertEquals(new BigDecimal("4.50"), money(saturday, "cost"));
        assertEquals("EUR", saturday.getString("currency"));
        JsonObject sunday = items.getJsonObject(1);
        assertEquals("2026-03-28T23:00:00Z", sunday.getString("start"));
        assertEquals("2026-03-29T22:00:00Z", sunday.getString("end"), "the day the clocks went forward: 23 hours");
        assertEquals(2_500, sunday.getJsonNumber("energyWh").longValue());
        assertEquals(new BigDecimal("0.75"), money(sunday, "cost"));
        assertEquals(17_500, days.json().getJsonNumber("energyWh").longValue());
        assertEquals("Europe/Berlin", days.json().getString("timeZone"));

        JsonObject week = TestServer.get("/api/v1/energy?period=week&from=2026-03-28T12:00:00Z&to=2026-03-29T12:00:00Z"
                + "&chargerId=" + id, VIEWER_TOKEN).json();
        assertEquals(1, week.getInt("total"));
        assertEquals("2026-03-22T23:00:00Z", week.getJsonArray("items").getJsonObject(0).getString("start"), "Monday");
        assertEquals(17_500, week.getJsonArray("items").getJsonObject(0).getJsonNumber("energyWh").longValue());
        assertEquals(new BigDecimal("5.25"), money(week.getJsonArray("items").getJsonObject(0), "cost"));

        JsonObject month = TestServer.get("/api/v1/energy?period=month&from=2026-03-01&to=2026-04-01&chargerId=" + id,
                VIEWER_TOKEN).json();
        assertEquals(1, month.getInt("total"));
        assertEquals(17_500, month.getJsonArray("items").getJsonObject(0).getJsonNumber("energyWh").longValue());

        TestServer.Answer csv = TestServer.get("/api/v1/energy?period=day&from=2026-03-28&to=2026-03-30&chargerId="
                + id, VIEWER_TOKEN, "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\r\n");
        assertEquals("start,end,energyWh,cost,currency,sessions", lines[0]);
        assertEquals("2026-03-27T23:00:00Z,2026-03-28T23:00:00Z,15000,4.50,EUR,2", lines[1]);
        assertEquals("2026-03-28T23:00:00Z,2026-03-29T22:00:00Z,2500,0.75,EUR,1", lines[2]);

        // each session's estimate, and the charger's total
        JsonObject first = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json().getJsonArray("items")
                .getJsonObject(2);
        assertEquals(10_000, first.getJsonNumber("energyWh").longValue());
        assertEquals(new BigDecimal("3.00"), money(first, "costEstimate"));
        assertEquals("EUR", first.getString("currency"));
        assertEquals(17_500, TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                .getJsonNumber("totalEnergyWh").longValue());
        String sessionsCsv = TestServer.get("/api/v1/sessions?format=csv&chargerId=" + id, VIEWER_TOKEN).body();
        assertTrue(sessionsCsv.split("\r\n")[0].contains("costEstimate,currency"), sessionsCsv);
        assertTrue(sessionsCsv.contains(",3.00,EUR,"), sessionsCsv);
    }

    @Test
    void withoutATariffThereIsEnergyButNoCost() {
        String id = TestServer.uniqueId("ENERGY-NT");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            session(cp, "2026-02-10T10:00:00Z", 0, 1_234);
        }
        JsonObject tariff = TestServer.get("/api/v1/tariff", VIEWER_TOKEN).json();
        assertTrue(tariff.isNull("pricePerKwh"));
        JsonObject day = TestServer.get("/api/v1/energy?from=2026-02-10&to=2026-02-11&chargerId=" + id, VIEWER_TOKEN)
                .json().getJsonArray("items").getJsonObject(0);
        assertEquals(1_234, day.getJsonNumber("energyWh").longValue());
        assertTrue(day.isNull("cost"));
    }

    @Test
    void badParametersAre400AndAnUnknownCharger404() {
        assertEquals(400, TestServer.get("/api/v1/energy?period=year", VIEWER_TOKEN).status());
        assertEquals(400, TestServer.get("/api/v1/energy?from=yesterday", VIEWER_TOKEN).status());
        assertEquals(400, TestServer.get("/api/v1/energy?from=2026-03-02&to=2026-03-01", VIEWER_TOKEN).status());
        assertEquals(400, TestServer.get("/api/v1/energy?period=day&from=2000-01-01&to=2026-01-01", VIEWER_TOKEN)
                .status());
        assertEquals(404, TestServer.get("/api/v1/energy?chargerId=NO-SUCH-CHARGER", VIEWER_TOKEN).status());
        assertEquals(200, TestServer.get("/api/v1/energy", VIEWER_TOKEN).status());
        assertEquals(400, TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN, "{\"pricePerKwh\":0.3,\"currency\":\"EURO\"}")
                .status());
        assertEquals(400, TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN, "{\"pricePerKwh\":-1,\"currency\":\"EUR\"}")
                .status());
        assertEquals(400, TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN, "{\"currency\":\"EUR\"}").status());
        assertEquals(403, TestServer.send("PUT", "/api/v1/tariff", VIEWER_TOKEN, "{\"pricePerKwh\":0.3,\"currency\":\"EUR\"}")
                .status());
    }
}
