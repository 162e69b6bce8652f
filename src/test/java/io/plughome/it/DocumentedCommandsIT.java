package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.simulator.SimulatedCharger;
import io.plughome.testsupport.TestServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every curl command in the README and the documentation, run as written (with the test server's
 * address and token for {@code http://localhost:8080} and {@code $TOKEN}), in the order a reader
 * meets them, against simulated chargers called {@code garage} and {@code CP-1} (OCPP 1.6) and
 * {@code carport} (2.0.1), with the files they upload in the folder they run in: none may be
 * refused for how it is written (400, 401, 403, 405, 415) or fail in the server (500, 503).
 * What depends on the moment is fine: 404 for an id from the example, 409 for a state the charger
 * is not in, 502/504 for what the simulator does not answer. Runs once (H2 server).
 */
class DocumentedCommandsIT {

    private static final List<String> FILES = List.of("README.md", "docs/chargers.md", "docs/api.md",
            "docs/home-assistant.md", "docs/operations.md", "docs/security.md");
    private static final Set<Integer> WRONG = Set.of(0, 400, 401, 403, 405, 406, 413, 415, 422, 500, 501, 503);

    /** A curl command from a ```sh block (continuation lines joined), and where it is written. */
    record Command(String where, String text) {
    }

    static List<Command> commands() throws Exception {
        List<Command> out = new ArrayList<>();
        for (String file : FILES) {
            List<String> lines = Files.readAllLines(Path.of(file));
            boolean shell = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    shell = !shell && (line.equals("```sh") || line.equals("```bash"));
                    continue;
                }
                String t = line.trim();
                if (!shell || !t.startsWith("curl ")) {
                    continue;
                }
                int at = i + 1;
                StringBuilder cmd = new StringBuilder(t);
                while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
                    cmd.setLength(cmd.length() - 1);
                    cmd.append(' ').append(lines.get(++i).trim());
                }
                String text = cmd.toString().replaceAll("\\s+#\\s.*$", "").trim();
                if (text.contains("<") || text.contains("...") || text.contains("$W")) {
                    continue; // a placeholder for the reader's own value
                }
                out.add(new Command(file + ":" + at, text));
            }
        }
        return out;
    }

    private static SimulatedCharger charger(String id, String protocol) {
        return new SimulatedCharger(new SimulatedCharger.Options(TestServer.wsUrl(TestServer.baseUrl()) + "/ocpp", id,
                protocol, null, HttpClient.newHttpClient(), 1, 16, 3, 230, true, "DOC-CARD", 50, 1, 0, 0, null))
                .start();
    }

    @Test
    void everyDocumentedCurlCommandWorksAsWritten() throws Exception {
        List<Command> commands = commands();
        assertTrue(commands.size() > 60, "the documentation's commands were found: " + commands.size());
        Path dir = Files.createTempDirectory("doc-commands");
        String preamble = String.join("\n", "set -u", "BASE=" + TestServer.baseUrl(), "TOKEN=" + ADMIN_TOKEN,
                "H=\"Authorization: Bearer $TOKEN\"", "J=\"Content-Type: application/json\"",
                "C=$BASE/api/v1/chargers/garage", "T=$BASE/api/v1/id-tags", "");
        List<String> wrong = new ArrayList<>();
        int ran = 0;
        // The files the examples upload, as the reader would have them.
        Files.write(dir.resolve("wallbox-2.1.bin"), new byte[] {1, 2, 3, 4});
        try (SimulatedCharger garage = charger("garage", "ocpp1.6"); SimulatedCharger cp1 = charger("CP-1", "ocpp1.6");
                SimulatedCharger carport = charger("carport", "ocpp2.0.1")) {
            assertTrue(TestServer.eventually(Duration.ofSeconds(30), () -> TestServer.get(
                    "/api/v1/chargers/garage", ADMIN_TOKEN).body().contains("\"online\":true")), "garage online");
            for (Command c : commands) {
                String text = c.text().replace("http://localhost:8080", "$BASE")
                        .replaceFirst("^curl ", "curl -sS -m 20 -w '%{stderr}%{http_code}\\\\n' ");
                Process p = new ProcessBuilder("bash", "-c", preamble + text).directory(dir.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), c.where());
                String last = err.isEmpty() ? "" : err.substring(err.lastIndexOf('\n') + 1).trim();
                int status = last.matches("\\d{3}") ? Integer.parseInt(last) : 0;
                ran++;
                if (WRONG.contains(status)) {
                    wrong.add(c.where() + " -> " + status + ": " + c.text());
                }
            }
        } finally {
            // What the examples changed on the shared test server, put back; the chargers go (one of the
            // examples gives garage a password, which would keep it out of a second run).
            for (String id : List.of("garage", "CP-1", "carport")) {
                TestServer.eventually(Duration.ofSeconds(20), () -> TestServer.send("DELETE", "/api/v1/chargers/" + id,
                        ADMIN_TOKEN, null).status() != 409);
            }
            TestServer.send("DELETE", "/api/v1/tariff", ADMIN_TOKEN, null);
            TestServer.send("DELETE", "/api/v1/site/limits", ADMIN_TOKEN, null);
            TestServer.send("DELETE", "/api/v1/site/available-power", ADMIN_TOKEN, null);
            var hooks = TestServer.get("/api/v1/webhooks?limit=1000", ADMIN_TOKEN).json().getJsonArray("items");
            for (var hook : hooks.getValuesAs(jakarta.json.JsonObject.class)) {
                if (hook.getString("url").contains("192.168.1.20")) {
                    TestServer.send("DELETE", "/api/v1/webhooks/" + hook.getJsonNumber("id"), ADMIN_TOKEN, null);
                }
            }
        }
        assertEquals(List.of(), wrong, ran + " commands ran; these did not work as written");
    }
}
