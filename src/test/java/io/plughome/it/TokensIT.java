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

    /** A raw request with a cookie and headers of our choosing: status, Set-Cookie, body. */
    private static String[] raw(String method, String path, String cookie, String csrf, String body) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestServer.baseUrl() + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        var r = java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new String[] {String.valueOf(r.statusCode()), r.headers().firstValue("Set-Cookie").orElse(""), r.body()};
    }

    @Test
    void aBrowserSignsInOnceAndItsCookieNeedsTheCsrfTokenForChangesAndEndsWithItsToken() throws Exception {
        String name = TestServer.uniqueId("browser");
        String secret = TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN,
                "{\"name\":\"" + name + "\",\"role\":\"admin\"}").json().getString("token");
        assertEquals("401", raw("POST", "/api/v1/signin", null, null, "{\"token\":\"not-a-token\"}")[0]);
        String[] in = raw("POST", "/api/v1/signin", null, null, "{\"token\":\"" + secret + "\"}");
        assertEquals("200", in[0], in[2]);
        String setCookie = in[1];
        assertTrue(setCookie.startsWith("plughome_session=") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains(secret), "the cookie is not the token");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = jakarta.json.Json.createReader(new java.io.StringReader(in[2])).readObject().getString("csrf");

        String[] me = raw("GET", "/api/v1/me", cookie, null, null);
        assertEquals("200", me[0]);
        assertTrue(me[2].contains(name) && me[2].contains(csrf), me[2]);
        String made = "{\"name\":\"" + name + "-made\",\"role\":\"viewer\"}";
        String[] noCsrf = raw("POST", "/api/v1/tokens", cookie, null, made);
        assertEquals("403", noCsrf[0], noCsrf[2]);
        assertTrue(noCsrf[2].contains("CsrfTokenMissing"), noCsrf[2]);
        assertEquals("403", raw("POST", "/api/v1/tokens", cookie, "wrong", made)[0]);
        assertEquals("201", raw("POST", "/api/v1/tokens", cookie, csrf, made)[0]);

        // Deleting the token ends the browser's sign-in too.
        long id = TestServer.get("/api/v1/tokens?limit=1000", ADMIN_TOKEN).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("name").equals(name)).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        assertEquals(204, TestServer.send("DELETE", "/api/v1/tokens/" + id, ADMIN_TOKEN, null).status());
        assertEquals("401", raw("GET", "/api/v1/me", cookie, null, null)[0]);

        // Signing out ends a sign-in and clears the cookie.
        String[] viewer = raw("POST", "/api/v1/signin", null, null, "{\"token\":\"" + VIEWER_TOKEN + "\"}");
        String viewerCookie = viewer[1].substring(0, viewer[1].indexOf(';'));
        String viewerCsrf = jakarta.json.Json.createReader(new java.io.StringReader(viewer[2])).readObject()
                .getString("csrf");
        assertEquals("403", raw("POST", "/api/v1/chargers/x/reset", viewerCookie, viewerCsrf, "{}")[0]);
        String[] out = raw("POST", "/api/v1/signout", viewerCookie, viewerCsrf, null);
        assertEquals("204", out[0], out[2]);
        assertTrue(out[1].contains("Max-Age=0"), out[1]);
        assertEquals("401", raw("GET", "/api/v1/me", viewerCookie, null, null)[0]);
    }
}
