package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The migration to the version-neutral domain (V5) carries a 1.6 database over with nothing
 * lost, on both databases: numeric transaction ids become the same digits as strings, every
 * connector is its own EVSE, sessions keep their connector as EVSE, and the 2.0.1 columns start
 * empty.
 */
class MigrationTest {

    @Test
    void aVersion4DatabaseOnH2IsCarriedOver() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        carriedOver(h2);
    }

    @Test
    void aVersion4DatabaseOnPostgresqlIsCarriedOver() throws Exception {
        Path dir = Files.createTempDirectory("plughome-pg-migration");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true).setOverrideWorkingDirectory(dir.resolve("work").toFile()).start()) {
            carriedOver(pg.getPostgresDatabase());
        }
    }

    private static Flyway flyway(DataSource db, String target) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").table("schema_history")
                .target(target).load();
    }

    private static void carriedOver(DataSource db) throws Exception {
        flyway(db, "4").migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO charger (id, registration, first_seen, protocol) VALUES ('OLD-1', 'ACCEPTED',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'ocpp1.6')");
            s.executeUpdate("INSERT INTO connector (charger_id, connector_id, status, error_code) VALUES"
                    + " ('OLD-1', 0, 'Available', 'NoError'), ('OLD-1', 2, 'Charging', 'NoError')");
            s.executeUpdate("INSERT INTO charging_session (id, transaction_id, charger_id, connector_id, id_tag,"
                    + " started_at, meter_start_wh, meter_stop_wh, stop_reason, started_unseen, created_at) VALUES"
                    + " (41, 41, 'OLD-1', 2, 'CARD', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00', 100, 7500,"
                    + " 'EVDisconnected', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00'),"
                    + " (42, 2147483647, 'OLD-1', 2, 'CARD', TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00', 7500,"
                    + " NULL, NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00')");
        }
        flyway(db, "latest").migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, transaction_id, evse_id, id_tag, id_tag_type, last_seq_no,"
                    + " meter_start_wh, meter_stop_wh, stop_reason FROM charging_session ORDER BY id")) {
                rs.next();
                assertEquals("41", rs.getString("transaction_id"));
                assertEquals(2, rs.getInt("evse_id"));
                assertEquals("CARD", rs.getString("id_tag"));
                assertNull(rs.getString("id_tag_type"));
                assertNull(rs.getObject("last_seq_no"));
                assertEquals(7500, rs.getLong("meter_stop_wh"));
                assertEquals("EVDisconnected", rs.getString("stop_reason"));
                rs.next();
                assertEquals("2147483647", rs.getString("transaction_id"), "the same digits");
            }
            try (ResultSet rs = s.executeQuery("SELECT connector_id, evse_id, evse_connector_id, status FROM connector"
                    + " ORDER BY connector_id")) {
                rs.next();
                assertEquals(0, rs.getInt("evse_id"));
                assertNull(rs.getObject("evse_connector_id"), "connector 0 is the charger itself");
                rs.next();
                assertEquals(2, rs.getInt("evse_id"));
                assertEquals(1, rs.getInt("evse_connector_id"));
                assertEquals("Charging", rs.getString("status"));
            }
            // a string transaction id of 36 characters fits now
            s.executeUpdate("UPDATE charging_session SET transaction_id = '" + "x".repeat(36) + "' WHERE id = 42");
        }
    }
}
