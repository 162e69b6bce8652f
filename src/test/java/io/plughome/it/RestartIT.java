package io.plughome.it;

import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ServerControl;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A finished session, and a charger's smart-charging rules, are still there after the server
 * restarts (the database is on disk); the charger is held to its rules when it reconnects.
 */
class RestartIT {

    @Test
    void sessionsSurviveARestartOfTheServer() throws Exception {
        String base = TestServer.baseUrl();
        String id = TestServer.uniqueId("RESTART");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1800);
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "W");
            long tx = cp.startTransaction(1, "TAG-R", 5_000, start);
            cp.stopTransaction(tx, 9_500, start.plusSeconds(1200), "Local");
        }
        // smart-charging rules: a limit, and a window that does not hold now (three days ahead)
        String smart = TestServer.uniqueId("RESTART-SC");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, smart)) {
            assertEquals(200, SmartChargingIT.put("/api/v1/chargers/" + smart + "/limits", "{\"maxCurrentA\":13}")
                    .status());
            String day = ZonedDateTime.now(SmartChargingIT.OWNER_ZONE).plusDays(3).getDayOfWeek().name();
            assertEquals(201, SmartChargingIT.post("/api/v1/chargers/" + smart + "/schedules", "{\"daysOfWeek\":[\""
                    + day + "\"],\"startTime\":\"01:00\",\"endTime\":\"02:00\"}").status());
            SmartChargingIT.awaitLimit(cp, 0);
        }

        ServerControl.restart();
        assertEquals(200, TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).status());

        JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
        assertFalse(charger.getBoolean("online"), "no connection survives a restart");
        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + id, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(4_500, session.getJsonNumber("energyWh").longValue());
        assertEquals("Local", session.getString("stopReason"));
        assertEquals(start, Instant.parse(session.getString("startedAt")));

        // the rules are still there, and the charger is held to them as soon as it is back
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, smart)) {
            SmartChargingIT.awaitLimit(cp, 0);
            JsonObject limits = SmartChargingIT.limits(smart);
            assertEquals(13.0, limits.getJsonNumber("maxCurrentA").doubleValue());
            assertEquals("OutsideWindows", limits.getJsonObject("effective").getString("reason"));
            assertEquals(1, TestServer.get("/api/v1/chargers/" + smart + "/schedules", VIEWER_TOKEN).json()
                    .getInt("total"));
            assertEquals(200, SmartChargingIT.post("/api/v1/chargers/" + smart + "/override", "{}").status());
            SmartChargingIT.awaitLimit(cp, 13);
        }
    }
}
