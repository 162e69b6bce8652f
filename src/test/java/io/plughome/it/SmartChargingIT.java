package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.ChargingProfiles;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Smart charging against simulated chargers: limits arrive as charging profiles whose limit in
 * force is right, fallbacks for chargers that refuse, limits again on reconnect, schedules that
 * pause at 0 and overrides that resume. (The test servers run in Europe/Berlin.)
 */
class SmartChargingIT {

    static final ZoneId OWNER_ZONE = ZoneId.of("Europe/Berlin");

    private final String base = TestServer.baseUrl();

    static TestServer.Answer put(String path, String body) {
        return TestServer.send("PUT", path, ADMIN_TOKEN, body);
    }

    static TestServer.Answer post(String path, String body) {
        return TestServer.send("POST", path, ADMIN_TOKEN, body);
    }

    /** The next server call, which must be a SetChargingProfile; its profile's limit in force now is returned. */
    static JsonArray nextProfile(ChargePointSimulator cp) {
        JsonArray call = cp.nextServerCall();
        assertEquals("SetChargingProfile", call.getString(2), call.toString());
        return call;
    }

    /**
     * The next SetChargingProfile, after answering (Accepted) any ClearChargingProfile of ours that
     * comes first: a re-plan started by the session's end may race a limit set just after it, and
     * clear before the new limit is sent.
     */
    static JsonArray nextProfileAfterClears(ChargePointSimulator cp) {
        JsonArray call = cp.nextServerCall();
        while ("ClearChargingProfile".equals(call.getString(2))) {
            cp.replyStatus(call, "Accepted");
            call = cp.nextServerCall();
        }
        assertEquals("SetChargingProfile", call.getString(2), call.toString());
        return call;
    }

    static double limitNow(JsonArray setChargingProfile) {
        Double limit = ChargingProfiles.limitInForce(ChargingProfiles.profileOf(setChargingProfile), Instant.now());
        assertNotNull(limit, "no period in force now: " + setChargingProfile);
        return limit;
    }

    /** Accepts every profile the server sends until one holds {@code expected} now; fails after 15 s. */
    static JsonArray awaitLimit(ChargePointSimulator cp, double expected) {
        Instant deadline = Instant.now().plusSeconds(15);
        List<String> seen = new java.util.ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            JsonArray call = cp.pollServerCall(Duration.ofMillis(500));
            if (call == null) {
                continue;
            }
            cp.replyStatus(call, "Accepted");
            seen.add(call.getString(2) + " " + call.getJsonObject(3));
            if ("SetChargingProfile".equals(call.getString(2)) && limitNow(call) == expected) {
                return call;
            }
        }
        throw new AssertionError(cp.id() + " never got a profile of " + expected + "; got " + seen);
    }

    static JsonObject limits(String id) {
        TestServer.Answer answer = TestServer.get("/api/v1/chargers/" + id + "/limits", VIEWER_TOKEN);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    static JsonObject awaitApplied(String id, String status) {
        JsonObject[] last = new JsonObject[1];
        boolean reached = TestServer.eventually(Duration.ofSeconds(10), () -> {
            last[0] = limits(id);
            JsonObject applied = last[0].getJsonObject("applied");
            return !applied.isNull("status") && status.equals(applied.getString("status"))
                    && !applied.getBoolean("sending");
        });
        assertTrue(reached, "applied never became " + status + ": " + last[0]);
        return last[0];
    }

    @Test
    void aLimitArrivesAsAChargePointMaxProfileWhoseLimitInForceIsRight() {
        String id = TestServer.uniqueId("SC-LIM");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            TestServer.Answer answer = put("/api/v1/chargers/" + id + "/limits", "{\"maxCurrentA\":16}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals(16.0, answer.json().getJsonNumber("maxCurrentA").doubleValue());
            assertTrue(answer.json().isNull("maxPowerW"));
            assertEquals("ChargerLimit", answer.json().getJsonObject("effective").getString("reason"));

            JsonArray call = nextProfile(cp);
            JsonObject payload = call.getJsonObject(3);
            JsonObject profile = payload.getJsonObject("csChargingProfiles");
            assertEquals(0, payload.getInt("connectorId"));
            assertEquals("ChargePointMaxProfile", profile.getString("chargingProfilePurpose"));
            assertEquals("A", profile.getJsonObject("chargingSchedule").getString("chargingRateUnit"));
            assertEquals(16.0, limitNow(call));
            cp.replyStatus(call, "Accepted");

            JsonObject applied = awaitApplied(id, "Applied").getJsonObject("applied");
            assertEquals(16.0, applied.getJsonNumber("limit").doubleValue());
            assertEquals("A", applied.getString("unit"));
            assertEquals("ChargePointMaxProfile", applied.getJsonObject("profile").getString("purpose"));

            // a power limit replaces it, in W
            assertEquals(200, put("/api/v1/chargers/" + id + "/limits", "{\"maxPowerW\":7400}").status());
            JsonArray watts = nextProfile(cp);
            assertEquals("W", ChargingProfiles.profileOf(watts).getJsonObject("chargingSchedule")
                    .getString("chargingRateUnit"));
            assertEquals(7400.0, limitNow(watts));
            cp.replyStatus(watts, "Accepted");
            awaitApplied(id, "Applied");

            // removing it clears our profile
            assertEquals(204, TestServer.send("DELETE", "/api/v1/chargers/" + id + "/limits", ADMIN_TOKEN, null)
                    .status());
            JsonArray clear = cp.nextServerCall();
            assertEquals("ClearChargingProfile", clear.getString(2));
            assertEquals(7401, clear.getJsonObject(3).getInt("id"));
            cp.replyStatus(clear, "Accepted");
            JsonObject cleared = awaitApplied(id, "Cleared");
            assertTrue(cleared.getJsonObject("applied").isNull("limit"));
            assertTrue(cleared.getJsonObject("effective").isNull("limit"));
        }
    }

    @Test
    void aReconnectingChargerGetsItsLimitAgainInTheShapeItAccepted() {
        String id = TestServer.uniqueId("SC-FALL");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            assertEquals(200, put("/api/v1/chargers/" + id + "/limits", "{\"maxCurrentA\":10}").status());
            JsonArray first = nextProfile(cp);
            assertEquals("ChargePointMaxProfile", ChargingProfiles.profileOf(first).getString("chargingProfilePurpose"));
            assertEquals(1, ChargingProfiles.profileOf(first).getInt("stackLevel"));
            cp.replyStatus(first, "Rejected");
            JsonArray second = nextProfile(cp);
            assertEquals("ChargePointMaxProfile", ChargingProfiles.profileOf(second).getString("chargingProfilePurpose"));
            assertEquals(0, ChargingProfiles.profileOf(second).getInt("stackLevel"), "stack level 0 next");
            cp.replyError(second, "PropertyConstraintViolation", "purpose not supported");
            JsonArray third = nextProfile(cp);
            assertEquals("TxDefaultProfile", ChargingProfiles.profileOf(third).getString("chargingProfilePurpose"));
            assertEquals(10.0, limitNow(third));
            cp.replyStatus(third, "Accepted");
            JsonObject applied = awaitApplied(id, "Applied").getJsonObject("applied");
            assertEquals("TxDefaultProfile", applied.getJsonObject("profile").getString("purpose"));
        }
        try (ChargePointSimulator again = ChargePointSimulator.booted16(base, id)) {
            JsonArray call = nextProfile(again);
            JsonObject profile = ChargingProfiles.profileOf(call);
            assertEquals("TxDefaultProfile", profile.getString("chargingProfilePurpose"), "the shape that worked");
            assertEquals(10.0, limitNow(call));
            again.replyStatus(call, "Accepted");
            awaitApplied(id, "Applied");
            assertNull(again.pollServerCall(Duration.ofSeconds(2)), "sent once, not again");
        }
    }

    @Test
    void aChargerThatRefusesEveryShapeIsReportedAndOneWithoutSmartChargingToo() {
        String id = TestServer.uniqueId("SC-NONE");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            assertEquals(200, put("/api/v1/chargers/" + id + "/limits", "{\"maxCurrentA\":12}").status());
            int attempts = 0;
            JsonArray call;
            java.util.Set<String> units = new java.util.HashSet<>();
            while ((call = cp.pollServerCall(Duration.ofSeconds(3))) != null) {
                assertEquals("SetChargingProfile", call.getString(2));
                units.add(ChargingProfiles.profileOf(call).getJsonObject("chargingSchedule").getString("chargingRateUnit"));
                attempts++;
                cp.replyStatus(call, "Rejected");
            }
            assertEquals(10, attempts, "five shapes in A, then the same in W");
            assertEquals(java.util.Set.of("A", "W"), units);
            JsonObject applied = awaitApplied(id, "Rejected").getJsonObject("applied");
            assertTrue(applied.getString("detail").contains("refused every profile shape"), applied.toString());
        }
        String other = TestServer.uniqueId("SC-NOSC");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, other)) {
            assertEquals(200, put("/api/v1/chargers/" + other + "/limits", "{\"maxCurrentA\":12}").status());
            cp.replyError(nextProfile(cp), "NotImplemented", "no smart charging");
            awaitApplied(other, "Unsupported");
            assertNull(cp.pollServerCall(Duration.ofSeconds(2)), "no fallbacks for a charger without smart charging");
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aScheduleThatForbidsNowPausesAtZeroAndAnOverrideResumes(Version version) {
        String id = TestServer.uniqueId("SC-SCHED-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            assertEquals(200, put("/api/v1/chargers/" + id + "/limits", "{\"maxCurrentA\":16}").status());
            awaitLimit(cp, 16);
            String tx = cp.startSession(1, "CARD-1", 1000, Instant.now());

            // a window three days from now: now is outside every window
            String day = ZonedDateTime.now(OWNER_ZONE).plusDays(3).getDayOfWeek().name();
            TestServer.Answer created = post("/api/v1/chargers/" + id + "/schedules",
                    "{\"daysOfWeek\":[\"" + day + "\"],\"startTime\":\"01:00\",\"endTime\":\"02:00\"}");
            assertEquals(201, created.status(), created.body());
            assertEquals(List.of(day), created.json().getJsonArray("daysOfWeek").getValuesAs(
                    jakarta.json.JsonString::getString));
            long scheduleId = created.json().getJsonNumber("id").longValue();
            assertEquals("01:00", created.json().getString("startTime"));

            awaitLimit(cp, 0);
            JsonObject paused = awaitApplied(id, "Applied");
            assertTrue(paused.getJsonObject("effective").getBoolean("paused"));
            assertEquals("OutsideWindows", paused.getJsonObject("effective").getString("reason"));
            assertEquals(0.0, paused.getJsonObject("applied").getJsonNumber("limit").doubleValue());
            JsonObject session = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                    .getJsonObject("activeSession");
            assertEquals(tx, session.getString("transactionId"), "paused, not stopped");

            // charge now, until this session ends
            TestServer.Answer override = post("/api/v1/chargers/" + id + "/override", "{}");
            assertEquals(200, override.status(), override.body());
            assertTrue(override.json().getJsonObject("override").getBoolean("untilSessionEnds"));
            assertTrue(override.json().getJsonObject("effective").getBoolean("overridden"));
            awaitLimit(cp, 16);

            // the session ends: so does the override, and the schedule pauses again
            cp.stopSession(tx, 5000, Instant.now(), "Local");
            awaitLimit(cp, 0);
            assertTrue(limits(id).isNull("override"));

            // an override with an end, then cancelled
            String until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString();
            assertEquals(200, post("/api/v1/chargers/" + id + "/override", "{\"until\":\"" + until + "\"}").status());
            awaitLimit(cp, 16);
            assertEquals(until, limits(id).getJsonObject("override").getString("until"));
            assertEquals(204, TestServer.send("DELETE", "/api/v1/chargers/" + id + "/override", ADMIN_TOKEN, null)
                    .status());
            awaitLimit(cp, 0);

            // without windows, charging may go on at any time
            assertEquals(204, TestServer.send("DELETE", "/api/v1/chargers/" + id + "/schedules/" + scheduleId,
                    ADMIN_TOKEN, null).status());
            awaitLimit(cp, 16);
            assertEquals(0, TestServer.get("/api/v1/chargers/" + id + "/schedules", VIEWER_TOKEN).json()
                    .getInt("total"));
        }
    }

    @Test
    void theCalendarTimerAtAWindowsStartResumesCharging() {
        String id = TestServer.uniqueId("SC-TIMER");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            assertEquals(200, put("/api/v1/chargers/" + id + "/limits", "{\"maxCurrentA\":11}").status());
            awaitLimit(cp, 11);
            // a window that opens at the next whole minute (local time), with nothing else to trigger a change
            ZonedDateTime now = ZonedDateTime.now(OWNER_ZONE);
            ZonedDateTime opens = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(
                    now.getSecond() > 50 ? 2 : 1);
            ZonedDateTime closes = opens.plusMinutes(10);
            String body = "{\"daysOfWeek\":[\"" + opens.getDayOfWeek().name() + "\"],\"startTime\":\""
                    + String.format("%02d:%02d", opens.getHour(), opens.getMinute()) + "\",\"endTime\":\""
                    + String.format("%02d:%02d", closes.getHour(), closes.getMinute()) + "\"}";
            assertEquals(201, post("/api/v1/chargers/" + id + "/schedules", body).status());
            awaitLimit(cp, 0);
            JsonArray call = null;
            Instant deadline = opens.toInstant().plusSeconds(20);
            while (call == null && Instant.now().isBefore(deadline)) {
                cp.callOk("Heartbeat", JsonValue.EMPTY_JSON_OBJECT); // a quiet charger would be taken for gone
                call = cp.pollServerCall(Duration.ofSeconds(5));
            }
            assertNotNull(call, "nothing was sent when the window opened at " + opens);
            assertTrue(!Instant.now().isBefore(opens.toInstant()), "sent before the window opened");
            assertEquals(11.0, limitNow(call));
            cp.replyStatus(call, "Accepted");
        }
    }

    @Test
    void aWindowThatHoldsNowLetsTheChargerCharge() {
        String id = TestServer.uniqueId("SC-OPEN");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            String today = ZonedDateTime.now(OWNER_ZONE).getDayOfWeek().name();
            String yesterday = ZonedDateTime.now(OWNER_ZONE).minusDays(1).getDayOfWeek().name();
            // two windows cover every minute of today: yesterday 23:59 over midnight until today 24:00
            assertEquals(201, post("/api/v1/chargers/" + id + "/schedules", "{\"daysOfWeek\":[\"" + today
                    + "\"],\"startTime\":\"00:00\",\"endTime\":\"24:00\"}").status());
            assertEquals(201, post("/api/v1/chargers/" + id + "/schedules", "{\"daysOfWeek\":[\"" + yesterday
                    + "\"],\"startTime\":\"23:59\",\"endTime\":\"00:01\"}").status());
            JsonObject effective = limits(id).getJsonObject("effective");
            assertFalse(effective.getBoolean("paused"), effective.toString());
            assertEquals("None", effective.getString("reason"));
            assertNull(cp.pollServerCall(Duration.ofSeconds(2)), "nothing to send: no limit, inside a window");
            assertEquals(2, TestServer.get("/api/v1/chargers/" + id + "/schedules", VIEWER_TOKEN).json()
                    .getInt("total"));
        }
    }

    @Test
    void badRulesAreRefusedWithReasons() {
        String id = TestServer.uniqueId("SC-BAD");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            String limits = "/api/v1/chargers/" + id + "/limits";
            assertEquals(400, put(limits, "{}").status());
            assertEquals(400, put(limits, "{\"maxCurrentA\":16,\"maxPowerW\":7400}").status());
            assertEquals(400, put(limits, "{\"maxCurrentA\":-1}").status());
            assertEquals(400, put(limits, "{\"maxCurrentA\":\"lots\"}").status());
            String schedules = "/api/v1/chargers/" + id + "/schedules";
            TestServer.Answer badDay = post(schedules, "{\"daysOfWeek\":[\"FUNDAY\"],\"startTime\":\"01:00\","
                    + "\"endTime\":\"02:00\"}");
            assertEquals(400, badDay.status());
            assertTrue(badDay.json().getString("message").contains("FUNDAY"), badDay.body());
            assertEquals(400, post(schedules, "{\"daysOfWeek\":[\"MONDAY\"],\"startTime\":\"1am\",\"endTime\":\"02:00\"}")
                    .status());
            assertEquals(400, post(schedules, "{\"daysOfWeek\":[],\"startTime\":\"01:00\",\"endTime\":\"02:00\"}")
                    .status());
            assertEquals(400, post(schedules, "{\"daysOfWeek\":[\"MONDAY\"],\"startTime\":\"03:00\",\"endTime\":\"03:00\"}")
                    .status());
            assertEquals(400, post("/api/v1/chargers/" + id + "/override", "{\"until\":\"2020-01-01T00:00:00Z\"}")
                    .status());
            assertEquals(400, post("/api/v1/chargers/" + id + "/override", "{\"until\":\"soon\"}").status());
            assertEquals(404, TestServer.send("DELETE", schedules + "/999999", ADMIN_TOKEN, null).status());
            assertEquals(404, put("/api/v1/chargers/NO-SUCH-CHARGER/limits", "{\"maxCurrentA\":16}").status());
            assertEquals(404, TestServer.get("/api/v1/chargers/NO-SUCH-CHARGER/schedules", VIEWER_TOKEN).status());
            assertEquals(403, TestServer.send("PUT", limits, VIEWER_TOKEN, "{\"maxCurrentA\":16}").status());
            assertNull(cp.pollServerCall(Duration.ofSeconds(1)), "nothing was sent");
            assertTrue(limits(id).isNull("maxCurrentA"));
        }
    }
}
