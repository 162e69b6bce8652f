package io.plughome.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

/**
 * Starts a real PostgreSQL (zonky's embedded binaries, no install) on a given port for the
 * PostgreSQL run of the integration suite. The build starts it as a background JVM before the
 * test server starts and waits for the {@code ready} file it writes; it serves until destroyed.
 */
public final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery("select version()")) {
            rs.next();
            System.out.println("[TestPostgres] " + rs.getString(1) + " on port " + port);
        }
        Files.writeString(dir.resolve("ready"), Integer.toString(port));
        // Serve until the build ends: Maven destroys this process, and zonky's shutdown hook
        // stops the database.
        Thread.currentThread().join();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
