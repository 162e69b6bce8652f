package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The HTTP surface: root, health, OpenAPI, token checks and JSON errors. */
class ApiIT {

    @Test
    void rootAnswers200() {
        TestServer.Answer root = TestServer.get("/", null);
        assertEquals(200, root.status());
        assertEquals("PlugHome", root.json().getString("name"));
    }

    @Test
    void aBrowserGetsTheDashboardAndEveryoneElseJson() {
        TestServer.Answer page = TestServer.get("/", null, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<script src=\"/ui/app.js\""), page.body());
        TestServer.Answer script = TestServer.get("/ui/app.js", null, "*/*");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("X-CSRF-Token"), "the dashboard's script is served");
        TestServer.Answer api = TestServer.get("/", null, "application/json");
        assertEquals("PlugHome", api.json().getString("name"));
        assertEquals("PlugHome", TestServer.get("/", null, "*/*").json().getString("name"));
    }

    @Test
    void meTellsTheCallersRole() {
        assertEquals("viewer", TestServer.get("/api/v1/me", VIEWER_TOKEN).json().getString("role"));
        assertEquals("admin", TestServer.get("/api/v1/me", ADMIN_TOKEN).json().getString("role"));
        assertEquals(401, TestServer.get("/api/v1/me", null).status());
    }

    @Test
    void healthIsUpAndReadinessChecksTheDatabase() {
        assertEquals(200, TestServer.get("/health/live", null).status());
        TestServer.Answer ready = TestServer.get("/health/ready", null);
        assertEquals(200, ready.status());
        JsonObject database = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertEquals(TestServer.database(), database.getJsonObject("data").getString("kind"));
        assertEquals(200, TestServer.get("/health", null).status());
    }

    @Test
    void openApiDocumentsEveryResource() {
        TestServer.Answer openapi = TestServer.get("/openapi", null, "application/json");
        assertEquals(200, openapi.status());
        JsonObject paths = openapi.json().getJsonObject("paths");
        for (String path : new String[] {"/api/v1/chargers", "/api/v1/chargers/{id}", "/api/v1/sessions",
            "/api/v1/sessions/{id}", "/api/v1/sessions/{id}/meter-values", "/api/v1/chargers/{id}/remote-start",
            "/api/v1/chargers/{id}/remote-stop", "/api/v1/chargers/{id}/reset", "/api/v1/chargers/{id}/unlock",
            "/api/v1/chargers/{id}/availability", "/api/v1/chargers/{id}/configuration",
            "/api/v1/chargers/{id}/trigger", "/api/v1/audit", "/api/v1/tokens", "/api/v1/tokens/{tokenId}",
            "/api/v1/events", "/api/v1/chargers/{id}/limits", "/api/v1/chargers/{id}/schedules",
            "/api/v1/chargers/{id}/schedules/{scheduleId}", "/api/v1/chargers/{id}/override", "/api/v1/site/limits",
            "/api/v1/energy", "/api/v1/tariff", "/api/v1/chargers/{id}/call/{action}", "/api/v1/id-tags",
            "/api/v1/id-tags/{idTag}", "/api/v1/chargers/{id}/local-list", "/api/v1/chargers/{id}/diagnostics",
            "/api/v1/chargers/{id}/diagnostics/{fileId}", "/api/v1/chargers/{id}/firmware", "/api/v1/firmware",
            "/api/v1/firmware/{fileId}", "/api/v1/chargers/{id}/frames"}) {
            assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
        }
        assertEquals(200, TestServer.get("/openapi/ui/", null).status());
    }

    @Test
    void theApiNeedsAValidBearerToken() {
        TestServer.Answer none = TestServer.get("/api/v1/chargers", null);
        assertEquals(401, none.status());
        assertEquals("Unauthorized", none.json().getString("error"));
        TestServer.Answer wrong = TestServer.get("/api/v1/chargers", "not-a-token");
        assertEquals(401, wrong.status());
        assertTrue(wrong.json().getString("message").length() > 0);
        assertEquals(200, TestServer.get("/api/v1/chargers", VIEWER_TOKEN).status());
        assertEquals(200, TestServer.get("/api/v1/chargers", ADMIN_TOKEN).status());
    }

    @Test
    void nulCharactersAreRefusedWith400NotStoredOrFailed() {
        TestServer.Answer body = TestServer.send("PUT", "/api/v1/id-tags/NULTAG1", ADMIN_TOKEN,
                "{\"name\":\"a\\u0000b\",\"status\":\"Accepted\"}");
        assertEquals(400, body.status(), body.body());
        assertEquals("InvalidCharacter", body.json().getString("error"));
        assertEquals(400, TestServer.get("/api/v1/chargers/CP%00X", VIEWER_TOKEN).status());
        assertEquals(404, TestServer.get("/api/v1/id-tags/NULTAG1", VIEWER_TOKEN).status(), "nothing stored");
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class, () -> io.plughome.testsupport.ChargePointSimulator
                        .connect16(TestServer.baseUrl(), "CP%00X"));
        assertEquals(400, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse()
                .statusCode());
    }

    @Test
    void errorsAreJson() {
        TestServer.Answer missing = TestServer.get("/api/v1/chargers/no-such-charger", VIEWER_TOKEN);
        assertEquals(404, missing.status());
        assertEquals("NotFound", missing.json().getString("error"));
        TestServer.Answer badDate = TestServer.get("/api/v1/sessions?from=yesterday", VIEWER_TOKEN);
        assertEquals(400, badDate.status());
        assertTrue(badDate.json().getString("message").contains("from"));
        TestServer.Answer badLimit = TestServer.get("/api/v1/sessions?limit=0", VIEWER_TOKEN);
        assertEquals(400, badLimit.status());
        assertEquals("ValidationFailed", badLimit.json().getString("error"));
        TestServer.Answer noSession = TestServer.get("/api/v1/sessions/987654321", VIEWER_TOKEN);
        assertEquals(404, noSession.status());
    }

    @Test
    void sessionsArePagedAndFilteredByTime() {
        JsonObject page = TestServer.get("/api/v1/sessions?limit=1&offset=0&from=2000-01-01&to=2100-01-01T00:00:00Z",
                VIEWER_TOKEN).json();
        assertTrue(page.getJsonArray("items").size() <= 1);
        JsonObject none = TestServer.get("/api/v1/sessions?from=2099-01-01", VIEWER_TOKEN).json();
        assertEquals(0, none.getInt("total"));
    }
}
