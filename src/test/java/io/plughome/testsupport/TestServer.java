package io.plughome.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The PlugHome server under test, as the build started it (system properties set by Failsafe),
 * and a small HTTP client for its API.
 */
public final class TestServer {

    public static final String ADMIN_TOKEN = "it-admin-token";
    public static final String VIEWER_TOKEN = "it-viewer-token";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer() {
    }

    public static String baseUrl() {
        String url = System.getProperty("plughome.it.baseUrl");
        if (url == null) {
            throw new IllegalStateException("plughome.it.baseUrl is not set: run the integration tests with mvn verify");
        }
        return url;
    }

    /** The server's HTTPS port (wss:// for OCPP security profile 2). */
    public static int httpsPort() {
        return Integer.parseInt(System.getProperty("plughome.it.httpsPort"));
    }

    /** The server's data directory (its H2 file, its TLS key store). */
    public static java.nio.file.Path dataDir() {
        return java.nio.file.Path.of(System.getProperty("plughome.it.dataDir"));
    }

    /**
     * The password PlugHome drew for the server's key store on its first start (waiting up to a
     * minute for it to be written).
     */
    public static String keyStorePassword() {
        java.nio.file.Path file = dataDir().resolve("tls").resolve("keystore-password.xml");
        if (!eventually(Duration.ofSeconds(60), () -> java.nio.file.Files.exists(file))) {
            throw new AssertionError("No key store password written at " + file);
        }
        try {
            return java.nio.file.Files.readString(file).replaceAll("(?s).*value=\"([^\"]+)\".*", "$1");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public static String database() {
        return System.getProperty("plughome.it.database", "h2");
    }

    public static String wsUrl(String baseUrl) {
        return baseUrl.replaceFirst("^http", "ws");
    }

    /** A charger id no other test (or earlier run on the same database) uses. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + database() + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** An HTTP answer: status, content type, body and Location header ("" when none). */
    public record Answer(int status, String contentType, String body, String location) {
        public JsonObject json() {
            JsonStructure s = Json.createReader(new StringReader(body)).read();
            return s.asJsonObject();
        }
    }

    public static Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), token, null);
    }

    public static Answer get(String path, String token, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), token, accept);
    }

    public static Answer send(String method, String path, String token, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).method(method, body)
                .header("Content-Type", "application/json"), token, null);
    }

    /** Sends as curl would: a content type only when given (null: none), the body as it is (null: none). */
    public static Answer sendTyped(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, token, null);
    }

    /** Sends in the background: for calls that wait for a simulated charger's answer. */
    public static java.util.concurrent.CompletableFuture<Answer> sendAsync(String method, String path, String token,
            String jsonBody) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> send(method, path, token, jsonBody));
    }

    /** The answer of {@link #sendAsync}, failing after 30 s. */
    public static Answer await(java.util.concurrent.CompletableFuture<Answer> answer) {
        try {
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("No HTTP answer", e);
        }
    }

    /** A GET that claims to come from another address (the server trusts X-Forwarded-For from loopback). */
    public static Answer getFrom(String forwardedFor, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().header("X-Forwarded-For", forwardedFor),
                token, null);
    }

    private static Answer send(HttpRequest.Builder request, String token, String accept) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(""));
        } catch (Exception e) {
            throw new AssertionError("HTTP call failed: " + e, e);
        }
    }

    /** Polls until the condition holds or the timeout passes. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
