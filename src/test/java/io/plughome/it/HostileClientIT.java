package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.RawHttp;
import io.plughome.testsupport.SseClient;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The attacks a hostile tester on the owner's network tried, each against the real server: a
 * charger's id reached by a path the credential check did not read, forwarded headers that make an
 * outsider local, a flood of wrong passwords that locks the real charger out, spreadsheet formulas
 * in exported sessions, a page framed by another site, endless event streams, JSON nested to
 * exhaust the stack, weak TLS suites, and files on disk others can read.
 */
class HostileClientIT {

    private static final String SECRET = "victim-secret-0001";

    private final String base = TestServer.baseUrl();

    private static String protocol(Version version) {
        return version == Version.V16 ? "ocpp1.6" : "ocpp2.0.1";
    }

    private String protectedCharger(String prefix, Version version) {
        String id = TestServer.uniqueId(prefix);
        try (ChargePointSimulator cp = ChargePointSimulator.connect(base, id, version)) {
            cp.bootUp("Real", "Charger");
        }
        TestServer.Answer set = TestServer.send("PATCH", "/api/v1/chargers/" + id, ADMIN_TOKEN,
                "{\"sharedSecret\":\"" + SECRET + "\"}");
        assertEquals(200, set.status(), set.body());
        return id;
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void noPathReachesAProtectedChargerWithoutItsPassword(Version version) {
        String id = protectedCharger("VICTIM", version);
        String p = protocol(version);
        String[] variants = {"/ocpp//" + id, "/ocpp/./" + id, "/ocpp/x/../" + id, "//ocpp/" + id, "/ocpp/" + id + "/",
            "/x/../" + id, "/ocpp/" + id + ";x=1", "/ocpp/" + id + ";", "/ocpp/%2E/" + id, "/ocpp/x%2F..%2F" + id,
            "/ocpp%2F" + id, "/ocpp/" + id + "%2F", "/./" + id, "/ocpp/.%2E/ocpp/" + id, "/ocpp/x/%2e%2e/" + id,
            "///" + id, "/ocpp/" + id + "/.", "/ocpp/" + id + "\\", "/OCPP/" + id, "/ocpp/" + id + "//"};
        for (String path : variants) {
            RawHttp.Response refused = RawHttp.upgrade(path, p, null, null);
            assertEquals(400, refused.status(), path + " was answered " + refused.status() + " " + refused.body());
            RawHttp.Response withPassword = RawHttp.upgrade(path, p, id, SECRET);
            assertEquals(400, withPassword.status(), "only the two documented forms are served: " + path);
        }
        // the documented forms, with and without a query string: the password decides
        for (String path : new String[] {"/ocpp/" + id, "/" + id, "/ocpp/" + id + "?x=1", "/ocpp/" + id + "?id=other"}) {
            assertEquals(401, RawHttp.upgrade(path, p, null, null).status(), path);
        }
        assertEquals(101, RawHttp.upgrade("/ocpp/" + id + "?x=1", p, id, SECRET).status());
        assertEquals(101, RawHttp.upgrade("/" + id, p, id, SECRET).status());
        JsonObject charger = TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json();
        assertEquals("Real", charger.getString("vendor"), "no impostor's BootNotification reached it");

        // an id longer than a column never reached the database through a path variant either
        String longId = "L".repeat(300);
        assertEquals(400, RawHttp.upgrade("/ocpp//" + longId, p, null, null).status());
        RawHttp.Response tooLong = RawHttp.upgrade("/ocpp/" + longId, p, null, null);
        assertEquals(400, tooLong.status());
        assertEquals("InvalidChargePointId", Json.createReader(new java.io.StringReader(tooLong.body())).readObject()
                .getString("error"));
        assertEquals(404, TestServer.get("/api/v1/chargers/" + longId, VIEWER_TOKEN).status());
    }

    @Test
    void aChargersUpgradeOpensNoHttpSession() {
        // Liberty's handshake asked for an HTTP session and made one per charger: a JSESSIONID cookie on
        // the 101, a session id drawn under a lock every upgrade shared, a session kept 30 minutes.
        RawHttp.Response upgraded = RawHttp.upgrade("/ocpp/" + TestServer.uniqueId("NOSESSION"), "ocpp1.6", null,
                null);
        assertEquals(101, upgraded.status());
        assertFalse(upgraded.headers().containsKey("set-cookie"), "no session cookie: " + upgraded.headers());
    }

    @Test
    void lookAlikeIdsAreRefusedWithAPlainReasonAndOthersStillWork() {
        String id = TestServer.uniqueId("LOOK");
        for (String[] alike : new String[][] {{id + "%20", "begin or end"}, {"%20" + id, "begin or end"},
            {id + "%E2%80%8B", "begin or end"}, {id.substring(0, 3) + "%E2%80%8B" + id.substring(3), "invisible"},
            {id + "%3Ax", "':'"}, {id + "%C2%A0", "begin or end"}}) {
            RawHttp.Response refused = RawHttp.upgrade("/ocpp/" + alike[0], "ocpp1.6", null, null);
            assertEquals(400, refused.status(), alike[0]);
            JsonObject body = Json.createReader(new java.io.StringReader(refused.body())).readObject();
            assertEquals("InvalidChargePointId", body.getString("error"));
            assertTrue(body.getString("message").contains(alike[1]), body.getString("message"));
        }
        // encoded control characters Liberty refuses itself, before the application sees the request
        assertEquals(400, RawHttp.upgrade("/ocpp/" + id + "%09", "ocpp1.6", null, null).status());
        assertEquals(400, RawHttp.upgrade("/ocpp/" + id + "%00", "ocpp1.6", null, null).status());
        // ids of every other kind keep working, kept verbatim
        String unusual = TestServer.uniqueId("Garáž 1+ＣＰ 🚗");
        String encoded = java.net.URLEncoder.encode(unusual, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2B", "+");
        assertEquals(101, RawHttp.upgrade("/ocpp/" + encoded, "ocpp1.6", null, null).status());
        assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> TestServer.get("/api/v1/chargers/"
                + java.net.URLEncoder.encode(unusual, StandardCharsets.UTF_8).replace("+", "%20"), VIEWER_TOKEN)
                .status() == 200), "the charger " + unusual + " is known by its id");
        String path = "/api/v1/chargers/" + java.net.URLEncoder.encode(unusual, StandardCharsets.UTF_8).replace("+", "%20");
        assertTrue(TestServer.eventually(Duration.ofSeconds(20), () -> TestServer.send("DELETE", path, ADMIN_TOKEN, null)
                .status() == 204), "removed again once offline");
    }

    @Test
    void forwardedHeadersCountOnlyFromTrustedProxiesAndTheRightMostUntrustedIsTheClient() throws Exception {
        // loopback is the test servers' trusted proxy; PLUGHOME_LAN_ONLY is on
        assertEquals(403, TestServer.getFrom("1.2.3.4, 8.8.8.8", "/api/v1/chargers", VIEWER_TOKEN).status(),
                "the client's own header first, the proxy's entry (an outside address) last: outside");
        assertEquals(403, TestServer.getFrom("192.168.1.7, 8.8.8.8, 127.0.0.1", "/api/v1/chargers", VIEWER_TOKEN)
                .status(), "the trusted hop is skipped");
        assertEquals(200, TestServer.getFrom("8.8.8.8, 192.168.1.7", "/api/v1/chargers", VIEWER_TOKEN).status());
        assertEquals(403, TestServer.getFrom("unknown", "/api/v1/chargers", VIEWER_TOKEN).status(),
                "what is not an address is never local");
        HttpResponse<String> conflict = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/chargers")).header("Authorization", "Bearer " + VIEWER_TOKEN)
                .header("X-Forwarded-For", "8.8.8.8").header("Forwarded", "for=192.168.1.2").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, conflict.statusCode(), conflict.body());

        // a host that is not a trusted proxy cannot pick its address: its header is not read
        InetAddress lanHost = InetAddress.getByName("127.0.0.2");
        byte[] request = ("GET /api/v1/chargers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + VIEWER_TOKEN
                + "\r\nX-Forwarded-For: 8.8.8.8\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(200, RawHttp.exchange(lanHost, request).status(), "judged by its own (local) address");
    }

    @Test
    void guessesNeverLockTheRealChargerOut() {
        String id = protectedCharger("LOCKOUT", Version.V16);
        HttpClient http = HttpClient.newHttpClient();
        String url = TestServer.wsUrl(base) + "/ocpp/" + id;
        Map<String, String> attacker = Map.of("X-Forwarded-For", "10.88." + (System.nanoTime() % 250) + "."
                + (1 + System.nanoTime() % 250));
        boolean throttled = false;
        for (int attempt = 0; attempt < 30 && !throttled; attempt++) {
            java.util.concurrent.CompletionException e = assertThrows(java.util.concurrent.CompletionException.class,
                    () -> ChargePointSimulator.connect(http, url, id, "guess-password-01", attacker, "ocpp1.6"));
            int status = ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
            assertTrue(status == 401 || status == 429, "a guess is refused: " + status);
            throttled = status == 429;
        }
        assertTrue(throttled, "the guessing address waits");
        // the real charger, from its own address, has not logged in since the server started (nothing cached)
        Map<String, String> real = Map.of("X-Forwarded-For", "10.89." + (System.nanoTime() % 250) + ".7");
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url, id, SECRET, real, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Real", "Charger").getString("status"));
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void exportedCellsNeverRunAsFormulas(Version version) {
        String id = TestServer.uniqueId("CSV");
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            if (version == Version.V16) {
                long tx = cp.startTransaction(1, "=HYPERLINK(\"x\")", 1000, at);
                cp.stopTransaction(tx, 2000, at.plusSeconds(600), "Local");
            } else {
                cp.transactionEvent("Started", "=1+cmd|' /C calc'!A0", 1, at, "Authorized",
                        Json.createObjectBuilder().add("chargingState", "EVConnected"),
                        ChargePointSimulator.idToken("@SUM(A1:A9)"), null);
                cp.transactionEvent("Ended", "=1+cmd|' /C calc'!A0", 1, at.plusSeconds(600), "EVDeparted",
                        Json.createObjectBuilder().add("chargingState", "Idle").add("stoppedReason", "Local"), null,
                        null);
            }
        }
        String csv = TestServer.get("/api/v1/sessions?format=csv&chargerId=" + id, VIEWER_TOKEN).body();
        List<List<String>> rows = parseCsv(csv);
        assertEquals(2, rows.size(), csv);
        String cells = String.join("|", rows.get(1));
        assertTrue(cells.contains(version == Version.V16 ? "'=HYPERLINK(\"x\")" : "'@SUM(A1:A9)"), cells);
        for (List<String> row : rows) {
            for (String cell : row) {
                if (!cell.isEmpty() && !cell.matches("-?\\d+(\\.\\d+)?")) {
                    assertFalse("=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a cell a spreadsheet would run: " + cell);
                }
            }
        }
    }

    /** RFC 4180, as a spreadsheet reads it. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void everyPageTheDashboardServesRefusesFramingAndForeignScripts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/ui/index.html", "/", "/ui/app.js", "/files/firmware/x/y",
            "/api/v1/chargers"}) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertFalse(csp.contains("'unsafe-inline'"), path + ": " + csp);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void aTokenMayHoldOnlySoManyEventStreams() {
        TestServer.Answer token = TestServer.send("POST", "/api/v1/tokens", ADMIN_TOKEN, "{\"name\":\""
                + TestServer.uniqueId("streams") + "\",\"role\":\"viewer\"}");
        String secret = token.json().getString("token");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) { // PLUGHOME_EVENTS_STREAMS_PER_TOKEN
                open.add(SseClient.open("/api/v1/events", secret));
            }
            assertEquals(429, SseClient.statusOf("/api/v1/events", secret), "the 11th stream of one token");
            SseClient other = SseClient.open("/api/v1/events", VIEWER_TOKEN);
            other.close();
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void jsonNestedTooDeepIsABadRequest() {
        String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        TestServer.Answer answer = TestServer.send("PATCH", "/api/v1/chargers/any", ADMIN_TOKEN, deep);
        assertEquals(400, answer.status(), answer.body());
        assertEquals("TooDeep", answer.json().getString("error"));
        TestServer.Answer array = TestServer.send("PUT", "/api/v1/tariff", ADMIN_TOKEN, "[".repeat(100_000));
        assertEquals(400, array.status(), array.body());
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }

    /** The suite the server chose, or the handshake's failure. */
    private static String handshake(String protocol, String suite) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("localhost",
                TestServer.httpsPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    @Test
    void tlsOffersOnlyForwardSecretAeadSuitesAndOcppsOwn() throws Exception {
        for (String weak : new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA256"}) {
            assertThrows(javax.net.ssl.SSLException.class, () -> handshake("TLSv1.2", weak),
                    "a client offering only " + weak + " is refused");
        }
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", handshake("TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("TLS_AES_256_GCM_SHA384", handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
        // OCPP 1.6 security profile 2 requires chargers to support these; older ones know nothing else
        assertEquals("TLS_RSA_WITH_AES_128_GCM_SHA256", handshake("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256"));
        assertThrows(SSLHandshakeException.class, () -> handshake("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
    }

    @Test
    void theDataDirectoryIsTheOwnersAloneAndTheKeyStoreHasItsOwnPassword() throws Exception {
        Path data = TestServer.dataDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        Path store = data.resolve("tls").resolve("plughome.p12");
        assertTrue(TestServer.eventually(Duration.ofSeconds(60), () -> Files.exists(store.resolveSibling(
                "keystore-password.xml"))), "the installation's own key store password was written");
        for (Path file : new Path[] {store, store.resolveSibling("keystore-password.xml")}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        try (InputStream in = Files.newInputStream(store)) {
            assertThrows(java.io.IOException.class, () -> KeyStore.getInstance("PKCS12").load(in,
                    "plughome-tls".toCharArray()), "the built-in password no longer opens it");
        }
        String password = TestServer.keyStorePassword();
        assertNotEquals("plughome-tls", password);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
        }
        assertEquals("TLS_AES_128_GCM_SHA256", handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                "and TLS still works with it");
        Path database = data.resolve("plughome.mv.db");
        if (Files.exists(database)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(database)));
        }
    }
}
