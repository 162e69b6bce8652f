package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The owner's idTags through the API, and the default {@code accept-all} mode the test servers
 * run in: every idTag is accepted and no local list is sent. (List mode: ListAuthorizationRestartIT.)
 */
class IdTagsIT {

    private final String base = TestServer.baseUrl();

    private static TestServer.Answer put(String idTag, String body) {
        return TestServer.send("PUT", "/api/v1/id-tags/" + idTag, ADMIN_TOKEN, body);
    }

    @Test
    void idTagsAreAddedReplacedListedAndRemoved() {
        String tag = "Card-" + System.nanoTime() % 1000000;
        TestServer.Answer created = put(tag, "{\"name\":\"Anna's card\",\"expiryDate\":\"2030-01-01T00:00:00Z\","
                + "\"parentIdTag\":\"FAMILY\"}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.location().endsWith("/api/v1/id-tags/" + tag), created.location());
        JsonObject view = created.json();
        assertEquals(tag, view.getString("idTag"));
        assertEquals("Anna's card", view.getString("name"));
        assertEquals("Accepted", view.getString("status"), "the default status");
        assertEquals("Accepted", view.getString("effectiveStatus"));
        assertEquals("2030-01-01T00:00:00Z", view.getString("expiryDate"));
        assertEquals("FAMILY", view.getString("parentIdTag"));
        int version = view.getInt("listVersion");

        // the same idTag in other letters is the same idTag: replaced, whole
        TestServer.Answer replaced = put(tag.toUpperCase(), "{\"status\":\"Blocked\"}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("Blocked", replaced.json().getString("status"));
        assertTrue(replaced.json().isNull("name"));
        assertTrue(replaced.json().isNull("expiryDate"));
        assertTrue(replaced.json().getInt("listVersion") > version, "each change is a new list version");

        TestServer.Answer one = TestServer.get("/api/v1/id-tags/" + tag.toLowerCase(), VIEWER_TOKEN);
        assertEquals(200, one.status());
        assertEquals(tag.toUpperCase(), one.json().getString("idTag"));

        JsonObject all = TestServer.get("/api/v1/id-tags?limit=1000", VIEWER_TOKEN).json();
        assertEquals("accept-all", all.getString("authorization"));
        assertTrue(all.getInt("listVersion") >= replaced.json().getInt("listVersion"));
        assertTrue(all.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("idTag").equals(tag.toUpperCase())));

        // a past expiry: effectively Expired
        JsonObject lapsed = put(tag, "{\"expiryDate\":\"2020-01-01T00:00:00Z\"}").json();
        assertEquals("Accepted", lapsed.getString("status"));
        assertEquals("Expired", lapsed.getString("effectiveStatus"));

        assertEquals(204, TestServer.send("DELETE", "/api/v1/id-tags/" + tag, ADMIN_TOKEN, null).status());
        assertEquals(404, TestServer.get("/api/v1/id-tags/" + tag, VIEWER_TOKEN).status());
        assertEquals(404, TestServer.send("DELETE", "/api/v1/id-tags/" + tag, ADMIN_TOKEN, null).status());
    }

    @Test
    void badIdTagsAndBodiesAreRefusedAndViewersMayOnlyRead() {
        assertEquals(400, put("x".repeat(37), "{}").status(), "a 2.0.1 idToken has up to 36 characters");
        assertEquals(400, put("WITH%20SPACE", "{}").status());
        TestServer.Answer badStatus = put("CARD-S", "{\"status\":\"Maybe\"}");
        assertEquals(400, badStatus.status(), badStatus.body());
        assertEquals(400, put("CARD-S", "{\"expiryDate\":\"tomorrow\"}").status());
        assertEquals(400, put("CARD-S", "{\"parentIdTag\":\"card-s\"}").status(), "its own parent");
        assertEquals(400, put("CARD-S", "{\"parentIdTag\":\"" + "p".repeat(37) + "\"}").status());
        assertEquals(400, put("CARD-S", "{\"name\":\"" + "n".repeat(101) + "\"}").status());
        assertEquals(403, TestServer.send("PUT", "/api/v1/id-tags/CARD-V", VIEWER_TOKEN, "{}").status());
        assertEquals(404, TestServer.get("/api/v1/id-tags/CARD-S", VIEWER_TOKEN).status(), "nothing was stored");
    }

    @Test
    void inAcceptAllModeEveryIdTagIsAcceptedAndNoListIsSent() {
        String tag = "BLK-" + System.nanoTime() % 1000000;
        assertEquals(201, put(tag, "{\"status\":\"Blocked\"}").status());
        String id = TestServer.uniqueId("ACC-ALL");
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, id)) {
            JsonObject info = cp.callOk("Authorize", Json.createObjectBuilder().add("idTag", tag).build())
                    .getJsonObject("idTagInfo");
            assertEquals("Accepted", info.getString("status"));
            assertNull(cp.pollServerCall(Duration.ofSeconds(3)), "no local list in accept-all mode");
            JsonObject state = TestServer.get("/api/v1/chargers/" + id + "/local-list", VIEWER_TOKEN).json();
            assertEquals("accept-all", state.getString("authorization"));
            assertTrue(state.isNull("chargerVersion"));
            assertEquals(409, TestServer.send("POST", "/api/v1/chargers/" + id + "/local-list", ADMIN_TOKEN, "{}")
                    .status());
        }
        assertEquals(404, TestServer.get("/api/v1/chargers/nobody-here/local-list", VIEWER_TOKEN).status());
        assertEquals(204, TestServer.send("DELETE", "/api/v1/id-tags/" + tag, ADMIN_TOKEN, null).status());
    }
}
