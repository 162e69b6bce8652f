package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Logs and firmware with PlugHome as the file server: a GetDiagnostics whose upload lands in the
 * data directory (a raw PUT and a multipart POST, as chargers do either), and an UpdateFirmware
 * whose download link serves the file the owner uploaded.
 */
class ChargerFilesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base = TestServer.baseUrl();

    private static HttpResponse<byte[]> http(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject json(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static CompletableFuture<TestServer.Answer> post(String path, String body) {
        return TestServer.sendAsync("POST", path, ADMIN_TOKEN, body);
    }

    /** Asks the charger for its diagnostics, answers Accepted, and gives the upload link it was sent. */
    private static String askForDiagnostics(ChargePointSimulator cp, String id, boolean v16) {
        CompletableFuture<TestServer.Answer> asked = post("/api/v1/chargers/" + id + "/diagnostics", "{}");
        JsonArray call = cp.expectCall("GetDiagnostics");
        JsonObject request = v16 ? call.getJsonObject(3) : call.getJsonObject(3).getJsonObject("log");
        cp.reply(call, v16 ? Json.createObjectBuilder().add("fileName", "diag.log").build()
                : Json.createObjectBuilder().add("status", "Accepted").add("filename", "diag.log").build());
        assertEquals(200, asked.join().status());
        return request.getString(v16 ? "location" : "remoteLocation");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aDiagnosticsUploadLandsInTheDataDirectory(Version version) throws Exception {
        String id = TestServer.uniqueId("DIAG-" + version.name());
        boolean v16 = version == Version.V16;
        byte[] log = ("2026-11-25T08:00:00Z boot ok\n2026-11-25T08:01:00Z " + "x".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8);
        String location;
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            CompletableFuture<TestServer.Answer> asked = post("/api/v1/chargers/" + id + "/diagnostics",
                    "{\"startTime\":\"2026-11-24T00:00:00Z\"}");
            JsonArray call = cp.expectCall("GetDiagnostics");
            JsonObject request = v16 ? call.getJsonObject(3) : call.getJsonObject(3).getJsonObject("log");
            location = request.getString(v16 ? "location" : "remoteLocation");
            assertTrue(location.startsWith(base + "/files/diagnostics/") && location.endsWith("/"), location);
            assertEquals("2026-11-24T00:00:00Z", request.getString(v16 ? "startTime" : "oldestTimestamp"));
            if (!v16) {
                assertEquals("DiagnosticsLog", call.getJsonObject(3).getString("logType"));
            }
            cp.reply(call, v16 ? Json.createObjectBuilder().add("fileName", "diag.log").build()
                    : Json.createObjectBuilder().add("status", "Accepted").add("filename", "diag.log").build());
            TestServer.Answer answer = asked.join();
            assertEquals(200, answer.status(), answer.body());
            assertEquals("diag.log", answer.json().getString("fileName"));
            assertEquals(location, answer.json().getString("location"));
            String statusAction = v16 ? "DiagnosticsStatusNotification" : "LogStatusNotification";

            cp.callOk(statusAction, Json.createObjectBuilder().add("status", "Uploading").build());
            // a charger that appends the file name and PUTs the file
            HttpResponse<byte[]> put = http(HttpRequest.newBuilder(URI.create(location + "diag.log"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(log)));
            assertEquals(201, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));
            assertEquals("diag.log", json(put.body()).getString("name"));
            // the link took its one upload: it is closed, to the charger and to anyone who read it
            HttpResponse<byte[]> again = http(HttpRequest.newBuilder(URI.create(location + "more.log"))
                    .PUT(HttpRequest.BodyPublishers.ofString("planted")));
            assertEquals(404, again.statusCode(), "a used upload link takes nothing more");

            // a charger that POSTs a form to the location as it was given (a second request, a new link)
            String second = askForDiagnostics(cp, id, v16);
            assertFalse(second.equals(location), "every request has its own link");
            String boundary = "----plughome" + System.nanoTime();
            byte[] form = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/"
                    + "second.tar.gz\"\r\nContent-Type: application/octet-stream\r\n\r\nSECOND\r\n--" + boundary
                    + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> multipart = http(HttpRequest.newBuilder(URI.create(second))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form)));
            assertEquals(201, multipart.statusCode(), new String(multipart.body(), StandardCharsets.UTF_8));
            assertEquals("second.tar.gz", json(multipart.body()).getString("name"), "no way out of its folder");
            cp.callOk(statusAction, Json.createObjectBuilder().add("status", "Uploaded").build());

            // a link whose upload the charger reports failed is closed too, unused
            String third = askForDiagnostics(cp, id, v16);
            cp.callOk(statusAction, Json.createObjectBuilder().add("status", v16 ? "UploadFailed" : "UploadFailure")
                    .build());
            assertEquals(404, http(HttpRequest.newBuilder(URI.create(third + "late.log"))
                    .PUT(HttpRequest.BodyPublishers.ofString("late"))).statusCode(), "closed when the upload ended");
        }
        assertFalse(Files.exists(TestServer.dataDir().resolve("diagnostics").resolve(id).resolve("more.log")));

        Path folder = TestServer.dataDir().resolve("diagnostics").resolve(id);
        assertArrayEquals(log, Files.readAllBytes(folder.resolve("diag.log")));
        assertEquals("SECOND", Files.readString(folder.resolve("second.tar.gz")));

        JsonObject listing = TestServer.get("/api/v1/chargers/" + id + "/diagnostics", VIEWER_TOKEN).json();
        assertEquals(v16 ? "UploadFailed" : "UploadFailure", listing.getString("status"), "the last report");
        List<JsonObject> files = listing.getJsonArray("files").getValuesAs(JsonObject.class);
        assertEquals(2, files.size());
        JsonObject first = files.stream().filter(f -> f.getString("name").equals("diag.log")).findFirst().orElseThrow();
        assertEquals(log.length, first.getJsonNumber("sizeBytes").longValue());
        assertEquals(sha256(log), first.getString("sha256"));

        HttpRequest.Builder download = HttpRequest.newBuilder(URI.create(base + first.getString("href"))).GET();
        assertEquals(403, http(download.copy().header("Authorization", "Bearer " + VIEWER_TOKEN)).statusCode(),
                "logs are for admins");
        HttpResponse<byte[]> got = http(download.copy().header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertEquals(200, got.statusCode());
        assertArrayEquals(log, got.body());

        // a file listed but gone from the disk (a restore without it): 404 with the reason, not a server error
        JsonObject second = files.stream().filter(f -> f.getString("name").equals("second.tar.gz")).findFirst()
                .orElseThrow();
        Files.delete(folder.resolve("second.tar.gz"));
        TestServer.Answer gone = TestServer.get(second.getString("href"), ADMIN_TOKEN);
        assertEquals(404, gone.status(), gone.body());
        assertEquals("NotFound", gone.json().getString("error"));
        assertTrue(gone.json().getString("message").contains("missing from the data directory"), gone.body());

        assertEquals(404, http(HttpRequest.newBuilder(URI.create(base + "/files/diagnostics/not-a-token/x.log"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
        assertEquals(204, TestServer.send("DELETE", first.getString("href"), ADMIN_TOKEN, null).status());
        assertFalse(Files.exists(folder.resolve("diag.log")));
        assertEquals(1, TestServer.get("/api/v1/chargers/" + id + "/diagnostics", VIEWER_TOKEN).json()
                .getJsonArray("files").size());

        // removing the charger takes its files from the disk too (the one still listed, put back first)
        Files.writeString(folder.resolve("second.tar.gz"), "SECOND");
        assertTrue(TestServer.eventually(Duration.ofSeconds(10), () -> TestServer.send("DELETE", "/api/v1/chargers/"
                + id, ADMIN_TOKEN, null).status() == 204), "the charger, offline, removed");
        assertFalse(Files.exists(folder.resolve("second.tar.gz")), "its diagnostics file deleted");
        assertEquals(404, TestServer.get("/api/v1/chargers/" + id + "/diagnostics", VIEWER_TOKEN).status());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void firmwareUploadedByTheOwnerIsDownloadedByTheCharger(Version version) throws Exception {
        boolean v16 = version == Version.V16;
        byte[] image = new byte[300_000];
        new java.util.Random(42).nextBytes(image);
        HttpResponse<byte[]> uploaded = http(HttpRequest.newBuilder(URI.create(base + "/api/v1/firmware?name=wallbox-2.1.bin"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)));
        assertEquals(201, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
        JsonObject file = json(uploaded.body());
        long firmwareId = file.getJsonNumber("id").longValue();
        assertEquals(sha256(image), file.getString("sha256"));
        assertTrue(file.getString("name").startsWith("wallbox-2.1"), file.toString());
        assertTrue(TestServer.get("/api/v1/firmware", VIEWER_TOKEN).body().contains(file.getString("sha256")));
        assertEquals(403, http(HttpRequest.newBuilder(URI.create(base + "/api/v1/firmware?name=x.bin"))
                .header("Authorization", "Bearer " + VIEWER_TOKEN).POST(HttpRequest.BodyPublishers.ofString("x")))
                .statusCode());

        String id = TestServer.uniqueId("FW-" + version.name());
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, version)) {
            assertEquals(400, TestServer.send("POST", "/api/v1/chargers/" + id + "/firmware", ADMIN_TOKEN, "{}")
                    .status());
            assertEquals(404, TestServer.send("POST", "/api/v1/chargers/" + id + "/firmware", ADMIN_TOKEN,
                    "{\"firmwareId\":999999}").status());
            CompletableFuture<TestServer.Answer> asked = post("/api/v1/chargers/" + id + "/firmware",
                    "{\"firmwareId\":" + firmwareId + ",\"retries\":2}");
            JsonArray call = cp.expectCall("UpdateFirmware");
            JsonObject firmware = v16 ? call.getJsonObject(3) : call.getJsonObject(3).getJsonObject("firmware");
            String location = firmware.getString("location");
            assertEquals(base + file.getString("chargerPath"), location);
            assertEquals(2, call.getJsonObject(3).getInt("retries"));
            assertTrue(Instant.parse(firmware.getString(v16 ? "retrieveDate" : "retrieveDateTime"))
                    .isBefore(Instant.now().plusSeconds(5)));
            if (!v16) {
                assertTrue(call.getJsonObject(3).getInt("requestId") > 0);
            }
            cp.reply(call, v16 ? JsonObject.EMPTY_JSON_OBJECT
                    : Json.createObjectBuilder().add("status", "Accepted").build());
            TestServer.Answer answer = asked.join();
            assertEquals(200, answer.status(), answer.body());

            cp.callOk("FirmwareStatusNotification", Json.createObjectBuilder().add("status", "Downloading").build());
            HttpResponse<byte[]> downloaded = http(HttpRequest.newBuilder(URI.create(location)).GET());
            assertEquals(200, downloaded.statusCode());
            assertArrayEquals(image, downloaded.body());
            cp.callOk("FirmwareStatusNotification", Json.createObjectBuilder().add("status", "Installed").build());
            JsonObject status = TestServer.get("/api/v1/chargers/" + id + "/firmware", VIEWER_TOKEN).json();
            assertEquals("Installed", status.getString("status"));
            assertEquals("1.2.3", status.getString("firmwareVersion"));
        }
        assertEquals(204, TestServer.send("DELETE", "/api/v1/firmware/" + firmwareId, ADMIN_TOKEN, null).status());
        assertEquals(404, http(HttpRequest.newBuilder(URI.create(base + file.getString("chargerPath"))).GET())
                .statusCode());
    }

    /** Sends a request head and then, on another thread, up to {@code bodyBytes} of body; answers the response. */
    private static io.plughome.testsupport.RawHttp.Response sendWhileReading(String head, long bodyBytes,
            boolean chunked) throws Exception {
        URI uri = URI.create(TestServer.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[256 * 1024];
                try {
                    for (long sent = 0; sent < bodyBytes; sent += chunk.length) {
                        if (chunked) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the server answered and closed: what this test expects
                }
            }, "upload-writer");
            writer.setDaemon(true);
            writer.start();
            io.plughome.testsupport.RawHttp.Response response = io.plughome.testsupport.RawHttp.read(socket.getInputStream());
            socket.close();
            writer.join(30_000);
            return response;
        }
    }

    private static List<String> filesIn(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    @Test
    void uploadsOverTheLimitOrTheQuotaAreRefusedAndLeaveNothingBehind() throws Exception {
        // the test servers take files of up to 20 MB, 30 MB in all (src/it/liberty/common)
        String id = TestServer.uniqueId("BIGLOG");
        Path folder = TestServer.dataDir().resolve("diagnostics").resolve(id);
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V16)) {
            String link = askForDiagnostics(cp, id, true);
            String path = URI.create(link).getRawPath();
            String boundary = "----big" + System.nanoTime();
            // a multipart form of unknown length (chunked) that grows past the limit: refused as it passes it
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n\r\n";
            String partHead = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.log\""
                    + "\r\n\r\n";
            head += Integer.toHexString(partHead.length()) + "\r\n" + partHead + "\r\n";
            io.plughome.testsupport.RawHttp.Response chunked = sendWhileReading(head, 260L * 1024 * 1024, true);
            assertEquals(413, chunked.status(), chunked.body());
            assertTrue(chunked.body().contains("PLUGHOME_MAX_FILE_MB"), chunked.body());

            // a declared length over the limit: refused at once, after the first megabyte of the 260 sent
            io.plughome.testsupport.RawHttp.Response declared = sendWhileReading("PUT " + path + "big.log HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Length: " + 260L * 1024 * 1024 + "\r\n\r\n", 1024 * 1024, false);
            assertEquals(413, declared.status(), declared.body());

            assertEquals(List.of(), filesIn(folder), "nothing of the refused uploads is kept, not even a part file");
            assertEquals(0, TestServer.get("/api/v1/chargers/" + id + "/diagnostics", VIEWER_TOKEN).json()
                    .getJsonArray("files").size());
            // the link was not used up by the refusals: the charger's real file still goes through
            assertEquals(201, http(HttpRequest.newBuilder(URI.create(link + "small.log"))
                    .PUT(HttpRequest.BodyPublishers.ofString("fits"))).statusCode());
        }
        try (var temp = Files.walk(TestServer.dataDir())) {
            assertEquals(List.of(), temp.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList(),
                    "no temporary upload file anywhere in the data directory");
        }

        // the quota: 15 MB kept, then another 16 MB would pass 30 MB in all
        byte[] image = new byte[15 * 1024 * 1024];
        HttpResponse<byte[]> first = http(HttpRequest.newBuilder(URI.create(base + "/api/v1/firmware?name=quota.bin"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)));
        assertEquals(201, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
        long firstId = json(first.body()).getJsonNumber("id").longValue();
        try {
            io.plughome.testsupport.RawHttp.Response full = sendWhileReading("POST /api/v1/firmware?name=more.bin"
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\nContent-Type:"
                    + " application/octet-stream\r\nContent-Length: " + 16L * 1024 * 1024 + "\r\n\r\n", 1024 * 1024,
                    false);
            assertEquals(507, full.status(), full.body());
            assertTrue(full.body().contains("PLUGHOME_FILES_QUOTA_MB"), full.body());
            // the same without a declared length: refused as it passes the quota, nothing kept
            io.plughome.testsupport.RawHttp.Response streamed = sendWhileReading("POST /api/v1/firmware?name=more.bin"
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\nContent-Type:"
                    + " application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n", 16L * 1024 * 1024, true);
            assertEquals(507, streamed.status(), streamed.body());
            assertFalse(TestServer.get("/api/v1/firmware", ADMIN_TOKEN).body().contains("more"));
        } finally {
            assertEquals(204, TestServer.send("DELETE", "/api/v1/firmware/" + firstId, ADMIN_TOKEN, null).status());
        }
        assertEquals(List.of(), filesIn(TestServer.dataDir().resolve("firmware")).stream()
                .filter(n -> n.startsWith("quota") || n.startsWith("more") || n.endsWith(".part")).toList());
    }

    @Test
    void noReaderSeesLinkTokensCredentialsOrWebhookUrls() throws Exception {
        String id = TestServer.uniqueId("MASK");
        String link;
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V16)) {
            link = askForDiagnostics(cp, id, true);
            CompletableFuture<TestServer.Answer> ftp = post("/api/v1/chargers/" + id + "/diagnostics",
                    "{\"location\":\"ftp://logs:pa55-word-9@192.168.1.9/up/\"}");
            JsonArray call = cp.expectCall("GetDiagnostics");
            assertEquals("ftp://logs:pa55-word-9@192.168.1.9/up/", call.getJsonObject(3).getString("location"),
                    "the charger gets the location as given");
            cp.reply(call, Json.createObjectBuilder().add("fileName", "d.log").build());
            assertEquals(200, ftp.join().status());
        }
        String token = URI.create(link).getPath().split("/")[3];
        HttpResponse<byte[]> uploaded = http(HttpRequest.newBuilder(URI.create(base + "/api/v1/firmware?name=mask.bin"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.ofString("FW")));
        JsonObject firmware = json(uploaded.body());
        String firmwareToken = firmware.getString("chargerPath").split("/")[3];
        TestServer.Answer hook = TestServer.send("POST", "/api/v1/webhooks", ADMIN_TOKEN,
                "{\"url\":\"http://127.0.0.1:9/api/webhook/hook-id-secret-77\",\"events\":[\"charger.removed\"]}");
        assertEquals(201, hook.status(), hook.body());
        assertEquals(204, TestServer.send("DELETE", "/api/v1/webhooks/" + hook.json().getJsonNumber("id"), ADMIN_TOKEN,
                null).status());
        try {
            for (String reader : new String[] {VIEWER_TOKEN, ADMIN_TOKEN}) {
                String audit = TestServer.get("/api/v1/audit?limit=1000", reader).body();
                assertFalse(audit.contains(token), "an upload link's token in the audit log");
                assertFalse(audit.contains(firmwareToken), "a firmware link's token in the audit log");
                assertFalse(audit.contains("pa55-word-9"), "a password in a location URL");
                assertFalse(audit.contains("hook-id-secret-77"), "a webhook URL's secret path");
            }
            JsonObject entry = TestServer.get("/api/v1/audit?action=GetDiagnostics&chargerId=" + id, VIEWER_TOKEN)
                    .json().getJsonArray("items").getJsonObject(0);
            assertEquals("ftp://logs:********@192.168.1.9/up/", entry.getJsonObject("request").getString("location"));
            String viewersList = TestServer.get("/api/v1/firmware", VIEWER_TOKEN).body();
            assertTrue(viewersList.contains(firmware.getString("sha256")), viewersList);
            assertFalse(viewersList.contains(firmwareToken), "a viewer sees no firmware download link");
            assertTrue(TestServer.get("/api/v1/firmware", ADMIN_TOKEN).body().contains(firmwareToken),
                    "an admin still does");
            // and the upload link a viewer might have read before does not take a file from them now
            assertEquals(201, http(HttpRequest.newBuilder(URI.create(link + "charger.log"))
                    .PUT(HttpRequest.BodyPublishers.ofString("the charger's"))).statusCode());
            assertEquals(404, http(HttpRequest.newBuilder(URI.create(link + "planted.log"))
                    .PUT(HttpRequest.BodyPublishers.ofString("planted"))).statusCode());
        } finally {
            TestServer.send("DELETE", "/api/v1/firmware/" + firmware.getJsonNumber("id"), ADMIN_TOKEN, null);
        }
    }
}
