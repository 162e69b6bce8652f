package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ServerControl;
import io.plughome.testsupport.TestServer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * An online backup taken while a charger is charging, and the restore the README documents
 * (stop the server, unzip the backup into the data directory, start it): the server comes back
 * with what the backup held and without what came after it.
 */
class BackupRestartIT {

    @Test
    void aBackupTakenWhileChargingRestoresWhatItHeld() throws Exception {
        assumeTrue("h2".equals(TestServer.database()), "the embedded database only");
        String base = TestServer.baseUrl();
        String before = TestServer.uniqueId("BACKUP");
        String after = TestServer.uniqueId("AFTER");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        TestServer.Answer created;
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, before)) {
            long tx = cp.startTransaction(1, "TAG-B", 1_000, t0);
            cp.meterValues(1, tx, t0.plusSeconds(60), "1500", "Wh", 7000);
            created = TestServer.send("POST", "/api/v1/backups", ADMIN_TOKEN, null); // while the charger is on
            cp.meterValues(1, tx, t0.plusSeconds(120), "2000", "Wh", 7000);
        }
        assertEquals(201, created.status(), created.body());
        JsonObject backup = created.json();
        String name = backup.getString("name");
        assertTrue(backup.getJsonNumber("sizeBytes").longValue() > 0);
        assertEquals(403, TestServer.send("POST", "/api/v1/backups", VIEWER_TOKEN, null).status());
        assertTrue(TestServer.get("/api/v1/backups", ADMIN_TOKEN).json().getJsonArray("items").stream()
                .anyMatch(b -> name.equals(b.asJsonObject().getString("name"))));
        TestServer.Answer download = TestServer.get("/api/v1/backups/" + name, ADMIN_TOKEN, "application/zip");
        assertEquals(200, download.status());
        int traversal = TestServer.get("/api/v1/backups/..%2Fplughome.mv.db", ADMIN_TOKEN).status();
        assertTrue(traversal == 400 || traversal == 404, "only backups are served: " + traversal);
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, after)) {
            cp.status(1, "Available", "NoError");
        }

        // the restore of the README: stop, unzip into the data directory, start
        ServerControl.stopServer();
        Path data = TestServer.dataDir();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(data.resolve("backups").resolve(name)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Files.copy(zip, data.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ServerControl.start();

        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + before, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(500, session.getJsonNumber("energyWh").longValue(), "as it was when the backup was taken");
        assertEquals(404, TestServer.get("/api/v1/chargers/" + after, VIEWER_TOKEN).status(),
                "what came after the backup is not in it");
        assertEquals(204, TestServer.send("DELETE", "/api/v1/backups/" + name, ADMIN_TOKEN, null).status());
    }

    @Test
    void onPostgresqlTheApiSaysToUsePgDump() {
        assumeTrue("postgresql".equals(TestServer.database()));
        TestServer.Answer refused = TestServer.send("POST", "/api/v1/backups", ADMIN_TOKEN, null);
        assertEquals(409, refused.status());
        assertTrue(refused.json().getString("message").contains("pg_dump"), refused.body());
    }
}
