package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.RawHttp;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Charger security: shared secrets (OCPP security profile 1, HTTP Basic at the upgrade),
 * profile 2 over wss:// with the certificate the server generated on first start, approval of
 * pending chargers, and the LAN-only switch (the test servers run with PLUGHOME_LAN_ONLY=true).
 */
class ChargerSecurityIT {

    private static final String SECRET = "s3cret-Charger-16";

    private final String base = TestServer.baseUrl();

    private static TestServer.Answer patch(String id, String body, String token) {
        return TestServer.send("PATCH", "/api/v1/chargers/" + id, token, body);
    }

    private static int refusedWith(Runnable connect) {
        return handshakeError(connect).getResponse().statusCode();
    }

    private static WebSocketHandshakeException handshakeError(Runnable connect) {
        CompletionException e = assertThrows(CompletionException.class, connect::run);
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    }

    private String url(String id) {
        return TestServer.wsUrl(base) + "/ocpp/" + id;
    }

    private void register(String id) {
        try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, id)) {
            cp.boot("Acme", "Secure");
        }
    }

    @Test
    void wrongPasswordsAreSlowedDownWhileAChargerThatLoggedInStillGetsIn() {
        String id = TestServer.uniqueId("BRUTE");
        register(id);
        assertEquals(200, patch(id, "{\"sharedSecret\":\"" + SECRET + "\"}", ADMIN_TOKEN).status());
        HttpClient http = HttpClient.newHttpClient();
        ChargePointSimulator.connect(http, url(id), id, SECRET, "ocpp1.6").close(); // the real charger, once

        java.util.Map<String, String> attacker = java.util.Map.of("X-Forwarded-For", "10.77."
                + (System.nanoTime() % 250) + "." + (1 + System.nanoTime() % 250));
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, "guess-password",
                    attacker, "ocpp1.6")), "a wrong password is refused, attempt " + attempt);
        }
        WebSocketHandshakeException throttled = handshakeError(() -> ChargePointSimulator.connect(http, url(id), id,
                "guess-password", attacker, "ocpp1.6"));
        assertEquals(429, throttled.getResponse().statusCode(), "after 6 in a row: refused without a check");
        assertTrue(throttled.getResponse().headers().firstValue("Retry-After").isPresent());

        // the address is slowed down for every charger id: even a right password for another charger waits
        String other = TestServer.uniqueId("BRUTE2");
        register(other);
        assertEquals(200, patch(other, "{\"sharedSecret\":\"" + SECRET + "\"}", ADMIN_TOKEN).status());
        assertEquals(429, refusedWith(() -> ChargePointSimulator.connect(http, url(other), other, SECRET, attacker,
                "ocpp1.6")));
        // the real charger, from its own address, is admitted by its cached login although its id is throttled
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, SECRET, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Acme", "Secure").getString("status"));
        }
    }

    @Test
    void oneAddressMayOpenOnlySoManyChargerConnections() {
        HttpClient http = HttpClient.newHttpClient();
        java.util.Map<String, String> crowd = java.util.Map.of("X-Forwarded-For", "10.66."
                + (System.nanoTime() % 250) + "." + (1 + System.nanoTime() % 250));
        String prefix = TestServer.uniqueId("CROWD");
        java.util.List<ChargePointSimulator> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) { // the IT servers' PLUGHOME_MAX_CONNECTIONS_PER_ADDRESS
                open.add(ChargePointSimulator.connect(http, url(prefix + "-" + i), prefix + "-" + i, null, crowd,
                        "ocpp1.6"));
            }
            WebSocketHandshakeException refused = handshakeError(() -> ChargePointSimulator.connect(http,
                    url(prefix + "-50"), prefix + "-50", null, crowd, "ocpp1.6"));
            assertEquals(429, refused.getResponse().statusCode());
            assertEquals(200, TestServer.get("/api/v1/chargers", VIEWER_TOKEN).status(), "the server still serves");
            // a charger that logs in with its shared secret is not limited by the address it shares
            String vouched = prefix + "-S";
            register(vouched);
            assertEquals(200, patch(vouched, "{\"sharedSecret\":\"" + SECRET + "\"}", ADMIN_TOKEN).status());
            assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(vouched), vouched,
                    "wrong-password-1", crowd, "ocpp1.6")), "a wrong secret is still a wrong secret");
            try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(vouched), vouched, SECRET, crowd,
                    "ocpp1.6")) {
                assertEquals("Accepted", cp.boot("Acme", "Vouched").getString("status"));
                assertEquals(429, handshakeError(() -> ChargePointSimulator.connect(http, url(prefix + "-51"),
                        prefix + "-51", null, crowd, "ocpp1.6")).getResponse().statusCode(),
                        "the charger with a secret took no place from the others");
            }
            // credentials for a charger that has no secret vouch for nothing
            assertEquals(429, handshakeError(() -> ChargePointSimulator.connect(http, url(prefix + "-52"),
                    prefix + "-52", "any-password-1", crowd, "ocpp1.6")).getResponse().statusCode());
            // a charger of the 50 reconnecting (its old socket half-open) replaces its connection
            try (ChargePointSimulator again = ChargePointSimulator.connect(http, url(prefix + "-7"), prefix + "-7",
                    null, crowd, "ocpp1.6")) {
                assertEquals("Accepted", again.boot("Acme", "Crowd").getString("status"));
            }
        } finally {
            open.forEach(ChargePointSimulator::close);
        }
    }

    @Test
    void aCrowdArrivingAtOnceIsAskedToComeBackLaterWhileChargersAlreadyInCarryOn() {
        HttpClient http = HttpClient.newHttpClient();
        String prefix = TestServer.uniqueId("ARRIVE");
        java.util.List<ChargePointSimulator> open = new java.util.ArrayList<>();
        try (ChargePointSimulator settled = ChargePointSimulator.connect16(base, prefix + "-IN")) {
            assertEquals("Accepted", settled.boot("Acme", "Settled").getString("status"));
            WebSocketHandshakeException busy = null;
            // connections that never boot, from three addresses (each under the per-address limit of 50),
            // until the server asks the next to come back later: the IT servers' PLUGHOME_MAX_ARRIVING is 80
            for (int i = 0; i < 120 && busy == null; i++) {
                String id = prefix + "-" + i;
                java.util.Map<String, String> from = java.util.Map.of("X-Forwarded-For", "10.77." + (i / 40) + ".9");
                try {
                    open.add(ChargePointSimulator.connect(http, url(id), id, null, from, "ocpp1.6"));
                } catch (CompletionException e) {
                    busy = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
                }
            }
            assertNotNull(busy, "120 connections that never booted were all let in");
            assertTrue(open.size() <= 80, open.size() + " let in");
            assertEquals(503, busy.getResponse().statusCode());
            int retryAfter = Integer.parseInt(busy.getResponse().headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 5 && retryAfter <= 30, "Retry-After " + retryAfter);
            RawHttp.Response raw = RawHttp.upgrade("/ocpp/" + prefix + "-RAW", "ocpp1.6", null, null);
            assertEquals(503, raw.status());
            assertTrue(raw.headers().containsKey("retry-after"));
            assertEquals("ServerBusy", Json.createReader(new StringReader(raw.body())).readObject().getString("error"),
                    raw.body());

            // a charger already in carries on, and the API answers
            assertEquals(3, settled.call("Heartbeat", JsonObject.EMPTY_JSON_OBJECT).getInt(0));
            assertEquals(200, TestServer.get("/api/v1/chargers?limit=1", VIEWER_TOKEN).status());
            // a charger of the crowd that boots has arrived: its place goes to the next one
            assertEquals("Accepted", open.get(0).boot("Acme", "Crowd").getString("status"));
            String next = prefix + "-NEXT";
            try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(next), next, null,
                    java.util.Map.of("X-Forwarded-For", "10.77.9.9"), "ocpp1.6")) {
                assertEquals("Accepted", cp.boot("Acme", "Next").getString("status"));
            }
        } finally {
            open.forEach(ChargePointSimulator::close);
        }
        // connections that close free their places too
        String after = prefix + "-AFTER";
        assertTrue(TestServer.eventually(java.time.Duration.ofSeconds(20), () -> {
            try (ChargePointSimulator cp = ChargePointSimulator.connect16(base, after)) {
                return true;
            } catch (CompletionException e) {
                return false;
            }
        }));
    }

    @Test
    void aSecretPlugHomeGeneratesIsShownOnceAndLetsItsChargerIn() {
        String id = TestServer.uniqueId("GEN");
        register(id);
        assertEquals(403, TestServer.send("POST", "/api/v1/chargers/" + id + "/secret", VIEWER_TOKEN, null).status());
        assertEquals(404, TestServer.send("POST", "/api/v1/chargers/NO-SUCH-" + id + "/secret", ADMIN_TOKEN, null)
                .status());
        TestServer.Answer made = TestServer.sendTyped("POST", "/api/v1/chargers/" + id + "/secret", ADMIN_TOKEN,
                null, null); // as the docs' curl sends it: no body, no content type
        assertEquals(201, made.status(), made.body());
        String secret = made.json().getString("sharedSecret");
        assertTrue(secret.matches("[A-Za-z0-9]{32}"), secret);
        assertEquals(id, made.json().getString("chargerId"));
        TestServer.Answer charger = TestServer.get("/api/v1/chargers/" + id, ADMIN_TOKEN);
        assertTrue(charger.json().getBoolean("sharedSecretSet"));
        assertFalse(charger.body().contains(secret), "shown once");
        assertFalse(TestServer.get("/api/v1/audit?limit=1000", ADMIN_TOKEN).body().contains(secret));

        HttpClient http = HttpClient.newHttpClient();
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, null, "ocpp1.6")));
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, secret, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Acme", "Generated").getString("status"));
        }
        // a new one replaces it
        String next = TestServer.send("POST", "/api/v1/chargers/" + id + "/secret", ADMIN_TOKEN, null).json()
                .getString("sharedSecret");
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, secret, "ocpp1.6")));
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, next, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Acme", "Generated").getString("status"));
        }
    }

    @Test
    void aChargerWithASecretMustPresentIt() {
        String id = TestServer.uniqueId("SEC");
        register(id);
        TestServer.Answer set = patch(id, "{\"sharedSecret\":\"" + SECRET + "\"}", ADMIN_TOKEN);
        assertEquals(200, set.status(), set.body());
        assertTrue(set.json().getBoolean("sharedSecretSet"));
        assertFalse(set.body().contains(SECRET), "the secret was echoed");
        assertFalse(TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).body().contains(SECRET));

        HttpClient http = HttpClient.newHttpClient();
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, null, "ocpp1.6")));
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), id, "wrong-password-1",
                "ocpp1.6")));
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, url(id), "someone-else", SECRET,
                "ocpp1.6")));
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(http, TestServer.wsUrl(base) + "/" + id, id,
                null, "ocpp1.6")), "the root form must be protected too");
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, SECRET, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Acme", "Secure").getString("status"));
        }

        JsonObject audit = TestServer.get("/api/v1/audit?action=UpdateCharger&chargerId=" + id, ADMIN_TOKEN).json();
        assertEquals("(set)", audit.getJsonArray("items").getJsonObject(0).getJsonObject("request")
                .getString("sharedSecret"));
        assertFalse(TestServer.get("/api/v1/audit?limit=1000", ADMIN_TOKEN).body().contains(SECRET));

        assertEquals(200, patch(id, "{\"sharedSecret\":null}", ADMIN_TOKEN).status());
        try (ChargePointSimulator cp = ChargePointSimulator.connect(http, url(id), id, null, "ocpp1.6")) {
            assertEquals("Accepted", cp.boot("Acme", "Secure").getString("status"));
        }
    }

    @Test
    void patchIsValidatedAndAdminOnly() {
        String id = TestServer.uniqueId("SEC-PATCH");
        register(id);
        assertEquals(400, patch(id, "{\"sharedSecret\":\"short\"}", ADMIN_TOKEN).status());
        assertEquals(400, patch(id, "{\"sharedSecret\":\"" + "x".repeat(41) + "\"}", ADMIN_TOKEN).status());
        assertEquals(400, patch(id, "{\"colour\":\"red\"}", ADMIN_TOKEN).status());
        assertEquals(400, patch(id, "{\"approved\":\"yes\"}", ADMIN_TOKEN).status());
        assertEquals(400, patch(id, "{}", ADMIN_TOKEN).status());
        assertEquals(403, patch(id, "{\"name\":\"Garage\"}", VIEWER_TOKEN).status());
        assertEquals(404, patch("no-such-charger", "{\"name\":\"Garage\"}", ADMIN_TOKEN).status());
        TestServer.Answer named = patch(id, "{\"name\":\"Garage\"}", ADMIN_TOKEN);
        assertEquals(200, named.status());
        assertEquals("Garage", named.json().getString("name"));
        assertFalse(named.json().getBoolean("sharedSecretSet"));
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aPendingChargerWaitsUntilAnAdminApprovesIt(Version version) {
        String id = TestServer.uniqueId("SEC-PEND-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.connect(base, id, version)) {
            cp.bootUp("Acme", "Pending");
            assertEquals(200, patch(id, "{\"approved\":false}", ADMIN_TOKEN).status());
            assertEquals("Pending", cp.bootUp("Acme", "Pending").getString("status"));
            JsonArray refused = cp.call("StatusNotification", Json.createObjectBuilder().add("connectorId", 1)
                    .add("status", "Available").add("errorCode", "NoError").build());
            assertEquals(4, refused.getInt(0));
            assertEquals("SecurityError", refused.getString(2));
            assertEquals("PENDING", TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).json()
                    .getString("registration"));

            TestServer.Answer approved = patch(id, "{\"approved\":true}", ADMIN_TOKEN);
            assertEquals(200, approved.status());
            assertEquals("ACCEPTED", approved.json().getString("registration"));
            JsonArray trigger = cp.nextServerCall();
            assertEquals("TriggerMessage", trigger.getString(2));
            assertEquals("BootNotification", trigger.getJsonObject(3).getString("requestedMessage"));
            cp.replyStatus(trigger, "Accepted");
            assertEquals("Accepted", cp.bootUp("Acme", "Pending").getString("status"));
            cp.connectorStatus(1, "Available");
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void profile2WssWorksWithTheGeneratedCertificate(Version version) throws Exception {
        String id = TestServer.uniqueId("SEC-TLS-" + version.name());
        register(id);
        assertEquals(200, patch(id, "{\"sharedSecret\":\"" + SECRET + "\"}", ADMIN_TOKEN).status());
        Path keystore = TestServer.dataDir().resolve("tls/plughome.p12");
        assertTrue(Files.exists(keystore), "no key store generated at " + keystore);
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            generated.load(in, TestServer.keyStorePassword().toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        for (String alias : java.util.Collections.list(generated.aliases())) {
            Certificate certificate = generated.getCertificate(alias);
            trust.setCertificateEntry(alias, certificate);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
        String wss = "wss://localhost:" + TestServer.httpsPort() + "/ocpp/" + id;
        assertEquals(401, refusedWith(() -> ChargePointSimulator.connect(https, wss, id, "wrong-password-1",
                version.subprotocol)));
        try (ChargePointSimulator cp = ChargePointSimulator.connect(https, wss, id, SECRET, version.subprotocol)) {
            assertEquals(version, cp.version());
            assertEquals("Accepted", cp.bootUp("Acme", "Secure").getString("status"));
        }
    }

    @Test
    void lanOnlyRefusesOutsideAddressesAndServesPrivateOnes() {
        for (String outside : new String[] {"203.0.113.7", "2001:db8::1", "100.64.0.1"}) {
            TestServer.Answer api = TestServer.getFrom(outside, "/api/v1/chargers", VIEWER_TOKEN);
            assertEquals(403, api.status(), outside);
            assertEquals("Forbidden", api.json().getString("error"));
            assertEquals(403, TestServer.getFrom(outside, "/", null).status());
        }
        for (String inside : new String[] {"192.168.1.20", "10.0.0.5", "172.16.3.4", "fd00::12", "127.0.0.1"}) {
            assertEquals(200, TestServer.getFrom(inside, "/api/v1/chargers", VIEWER_TOKEN).status(), inside);
        }
        String id = TestServer.uniqueId("SEC-LAN");
        HttpClient http = HttpClient.newHttpClient();
        CompletionException e = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .header("X-Forwarded-For", "198.51.100.9").subprotocols("ocpp1.6")
                .buildAsync(java.net.URI.create(url(id)), new java.net.http.WebSocket.Listener() {
                }).join());
        assertEquals(403, assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse()
                .statusCode());
        assertEquals(404, TestServer.get("/api/v1/chargers/" + id, VIEWER_TOKEN).status(),
                "a refused charger must not be registered");
    }
}
