package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** API tokens: made, used, listed without secrets, deleted; admin only; audited. */
class TokensIT {

    @Test
    void aTokenIsShownOnceWorksWithItsRoleAndStopsWorkingWhenDeleted() {
        String name = TestServer.uniqueId("dashboard");
        TestServer.Answer created = TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN,
                "{\"name\":\"" + name + "\",\"role\":\"viewer\"}");
        assertEquals(201, created.status(), created.body());
        JsonObject token = created.json();
        String secret = token.getString("token");
        assertTrue(secret.startsWith("ph_") && secret.length() > 40);
        assertEquals("viewer", token.getString("role"));
        long id = token.getJsonNumber("id").longValue();

        assertEquals(200, TestServer.get("/api/v1/chargers", secret).status());
        TestServer.Answer control = TestServer.send("POST", "/api/v1/chargers/any/reset", secret, "{}");
        assertEquals(403, control.status());

        TestServer.Answer list = TestServer.get("/api/v1/tokens?limit=1000", ADMIN_TOKEN);
        assertEquals(200, list.status());
        assertFalse(list.body().contains(secret), "a listed token shows its secret");
        JsonObject listed = list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals("database", listed.getString("source"));
        assertFalse(listed.containsKey("token"));
        assertTrue(list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("source").equals("configuration") && t.getString("role").equals("admin")));

        assertEquals(409, TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN,
                "{\"name\":\"" + name + "\",\"role\":\"admin\"}").status());
        assertEquals(204, TestServer.send("DELETE", "/api/v1/tokens/" + id, ADMIN_TOKEN, null).status());
        assertEquals(401, TestServer.get("/api/v1/chargers", secret).status());
        assertEquals(404, TestServer.send("DELETE", "/api/v1/tokens/" + id, ADMIN_TOKEN, null).status());

        JsonObject audit = TestServer.get("/api/v1/audit?action=CreateToken&limit=1000", ADMIN_TOKEN).json();
        assertTrue(audit.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonObject("request").getString("name").equals(name)));
        assertFalse(TestServer.get("/api/v1/audit?limit=1000", ADMIN_TOKEN).body().contains(secret));
    }

    @Test
    void anAdminTokenMadeHereCanControl() {
        TestServer.Answer created = TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN,
                "{\"name\":\"" + TestServer.uniqueId("script") + "\",\"role\":\"admin\"}");
        String secret = created.json().getString("token");
        assertEquals(200, TestServer.get("/api/v1/tokens", secret).status());
        assertEquals(404, TestServer.send("POST", "/api/v1/chargers/no-such/reset", secret, "{}").status());
    }

    @Test
    void tokensAreAdminOnlyEvenToRead() {
        assertEquals(403, TestServer.get("/api/v1/tokens", VIEWER_TOKEN).status());
        assertEquals(403, TestServer.send("POST", "/api/v1/tokens", VIEWER_TOKEN,
                "{\"name\":\"x\",\"role\":\"admin\"}").status());
        assertEquals(401, TestServer.get("/api/v1/tokens", null).status());
        assertEquals(400, TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN,
                "{\"name\":\"x\",\"role\":\"owner\"}").status());
        assertEquals(400, TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN, "{\"role\":\"viewer\"}").status());
    }
}
