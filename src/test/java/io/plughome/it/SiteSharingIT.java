package io.plughome.it;

import static io.plughome.it.SmartChargingIT.awaitLimit;
import static io.plughome.it.SmartChargingIT.put;
import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One supply shared by two chargers: the site limit split fairly and re-split as sessions start and stop. */
class SiteSharingIT {

    private final String base = TestServer.baseUrl();

    @AfterEach
    void noSiteLimitForOtherTests() {
        TestServer.send("DELETE", "/api/v1/site/limits", ADMIN_TOKEN, null);
    }

    private static JsonObject shareOf(String chargerId) {
        JsonObject site = TestServer.get("/api/v1/site/limits", VIEWER_TOKEN).json();
        for (JsonValue share : site.getJsonArray("shares")) {
            if (share.asJsonObject().getString("chargerId").equals(chargerId)) {
                return share.asJsonObject();
            }
        }
        throw new AssertionError(chargerId + " not among the shares: " + site);
    }

    @Test
    void thirtyTwoAmperesOverTwoChargingConnectorsGiveSixteenEachAndAllToTheOneLeft() {
        String a = TestServer.uniqueId("SITE-A");
        String b = TestServer.uniqueId("SITE-B");
        try (ChargePointSimulator cpA = ChargePointSimulator.booted16(base, a);
                ChargePointSimulator cpB = ChargePointSimulator.booted16(base, b)) {
            TestServer.Answer set = put("/api/v1/site/limits", "{\"maxCurrentA\":32}");
            assertEquals(200, set.status(), set.body());
            assertEquals(32.0, set.json().getJsonNumber("maxCurrentA").doubleValue());
            // idle chargers may start at the share they would have: all of it while nobody charges
            awaitLimit(cpA, 32);
            awaitLimit(cpB, 32);

            long txA = cpA.startTransaction(1, "CARD-A", 0, Instant.now());
            awaitLimit(cpB, 16); // a newcomer would share with A
            long txB = cpB.startTransaction(1, "CARD-B", 0, Instant.now());
            JsonArray sixteen = awaitLimit(cpA, 16);
            assertEquals("ChargePointMaxProfile", sixteen.getJsonObject(3).getJsonObject("csChargingProfiles")
                    .getString("chargingProfilePurpose"));
            assertTrue(TestServer.eventually(Duration.ofSeconds(5), () -> shareOf(a).getInt("chargingConnectors") == 1
                    && shareOf(b).getInt("chargingConnectors") == 1));
            JsonObject shareA = shareOf(a).getJsonObject("effective");
            assertEquals(16.0, shareA.getJsonNumber("limit").doubleValue());
            assertEquals("SiteShare", shareA.getString("reason"));
            assertEquals(16.0, shareOf(b).getJsonObject("effective").getJsonNumber("limit").doubleValue());

            cpB.stopTransaction(txB, 4000, Instant.now(), "EVDisconnected");
            awaitLimit(cpA, 32);
            assertEquals(32.0, shareOf(a).getJsonObject("effective").getJsonNumber("limit").doubleValue());

            // the charger's own lower limit wins over its share, and the rest goes to nobody else here
            assertEquals(200, put("/api/v1/chargers/" + a + "/limits", "{\"maxCurrentA\":20}").status());
            awaitLimit(cpA, 20);
            assertEquals("ChargerLimit", shareOf(a).getJsonObject("effective").getString("reason"));

            cpA.stopTransaction(txA, 9000, Instant.now(), "Local");
            assertEquals(204, TestServer.send("DELETE", "/api/v1/site/limits", ADMIN_TOKEN, null).status());
            assertTrue(TestServer.get("/api/v1/site/limits", VIEWER_TOKEN).json().isNull("maxCurrentA"));
            // B's profile is cleared: it has no limit of its own any more
            JsonArray clear = null;
            Instant deadline = Instant.now().plusSeconds(10);
            while (clear == null && Instant.now().isBefore(deadline)) {
                JsonArray call = cpB.pollServerCall(Duration.ofMillis(500));
                if (call != null) {
                    cpB.replyStatus(call, "Accepted");
                    if ("ClearChargingProfile".equals(call.getString(2))) {
                        clear = call;
                    }
                }
            }
            assertTrue(clear != null, "B's profile was not cleared");
        }
    }

    @Test
    void aSiteLimitNeedsAValue() {
        assertEquals(400, put("/api/v1/site/limits", "{}").status());
        assertEquals(400, put("/api/v1/site/limits", "{\"maxCurrentA\":-5}").status());
        assertEquals(403, TestServer.send("PUT", "/api/v1/site/limits", VIEWER_TOKEN, "{\"maxCurrentA\":32}").status());
    }
}
