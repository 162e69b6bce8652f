package io.plughome.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stops and starts the integration-test server (only in the *RestartIT executions), and sets
 * server variables for the next start through a configDropins override file.
 */
public final class ServerControl {

    private ServerControl() {
    }

    private static Path wlp() {
        return Path.of(System.getProperty("plughome.it.wlpHome"));
    }

    private static Path override(String name) {
        return wlp().resolve("usr/servers").resolve(System.getProperty("plughome.it.serverName"))
                .resolve("configDropins/overrides").resolve("zz-test-" + name + ".xml");
    }

    /** Server variables (e.g. plughome.authorization) the server has from its next start on. */
    public static void setVariables(String name, Map<String, String> variables) throws IOException {
        String xml = variables.entrySet().stream().map(v -> "  <variable name=\"" + v.getKey() + "\" value=\""
                + v.getValue() + "\"/>").collect(Collectors.joining("\n", "<server>\n", "\n</server>\n"));
        Files.writeString(override(name), xml);
    }

    public static void removeVariables(String name) throws IOException {
        Files.deleteIfExists(override(name));
    }

    /** Stops the server, starts it again, and waits until it is ready. */
    public static void restart() throws IOException, InterruptedException {
        server("stop");
        start();
    }

    /**
     * Kills the server's JVM with SIGKILL (no shutdown hook, no flush: what a crash or the OOM
     * killer does) and waits until it is gone.
     */
    public static void kill9() throws IOException, InterruptedException {
        ProcessHandle jvm = jvm();
        assertTrue(jvm.destroyForcibly(), "SIGKILL not sent");
        awaitExit(jvm, 30);
    }

    /** Sends SIGTERM (what systemd or Docker send to stop a service) and waits until the JVM is gone. */
    public static void terminate() throws IOException, InterruptedException {
        ProcessHandle jvm = jvm();
        assertTrue(jvm.destroy(), "SIGTERM not sent");
        awaitExit(jvm, 60);
    }

    /** Stops the server gracefully (liberty's server stop), and waits for it. */
    public static void stopServer() throws IOException, InterruptedException {
        server("stop");
    }

    /** Starts the (stopped or killed) server on the same data directory and waits until it is ready. */
    public static void start() throws IOException, InterruptedException {
        server("start");
        assertTrue(TestServer.eventually(Duration.ofSeconds(120), () -> {
            try {
                return TestServer.get("/health/ready", null).status() == 200;
            } catch (AssertionError notYet) {
                return false;
            }
        }), "server did not come back");
    }

    private static void awaitExit(ProcessHandle jvm, int seconds) throws InterruptedException {
        try {
            jvm.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("server JVM " + jvm.pid() + " still alive after " + seconds + " s", e);
        }
    }

    /** The server's JVM, from the pid file Liberty keeps for it. */
    private static ProcessHandle jvm() throws IOException {
        Path pidFile = wlp().resolve("usr/servers/.pid").resolve(System.getProperty("plughome.it.serverName") + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
    }

    private static void server(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp().resolve("bin/server").toString(), action,
                System.getProperty("plughome.it.serverName")).inheritIO().start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "server " + action + " timed out");
        assertEquals(0, process.exitValue(), "server " + action + " failed");
    }
}
