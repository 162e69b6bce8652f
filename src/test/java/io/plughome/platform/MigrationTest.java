package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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
        // A reading enters its primary key and the charger's reading index, nothing else (H2 adds an
        // index of its own for every foreign key it cannot match exactly, so there are none).
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE TABLE_NAME = 'METER_SAMPLE' ORDER BY INDEX_NAME")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.contains("METER_SAMPLE_CHARGER"), names.toString());
        }
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
            s.executeUpdate("INSERT INTO meter_sample (id, charger_id, connector_id, session_id, sampled_at, measurand,"
                    + " raw_value, numeric_value) VALUES"
                    + " (1, 'OLD-1', 2, 41, TIMESTAMP WITH TIME ZONE '2026-01-02 10:05:00+00', 'Power.Active.Import', '7', 7),"
                    + " (2, 'OLD-1', 2, 41, TIMESTAMP WITH TIME ZONE '2026-01-02 09:59:00+00', 'Power.Active.Import', '6', 6),"
                    + " (3, 'OLD-1', 2, NULL, TIMESTAMP WITH TIME ZONE '2026-01-02 12:00:00+00', 'Power.Active.Import', '0', 0)");
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
            // version 14: the readings are kept, and each session knows the span of its own
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(numeric_value) FROM meter_sample")) {
                rs.next();
                assertEquals(3, rs.getInt(1));
                assertEquals(13, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT id, first_reading_at, last_reading_at FROM charging_session"
                    + " ORDER BY id")) {
                rs.next();
                assertEquals(java.time.Instant.parse("2026-01-02T09:59:00Z"),
                        rs.getObject("first_reading_at", java.time.OffsetDateTime.class).toInstant());
                assertEquals(java.time.Instant.parse("2026-01-02T10:05:00Z"),
                        rs.getObject("last_reading_at", java.time.OffsetDateTime.class).toInstant());
                rs.next();
                assertNull(rs.getObject("first_reading_at"), "a session without readings has no span");
            }
            // a string transaction id of 36 characters fits now
            s.executeUpdate("UPDATE charging_session SET transaction_id = '" + "x".repeat(36) + "' WHERE id = 42");
        }
    }
}
