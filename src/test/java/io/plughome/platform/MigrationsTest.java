package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** When a start may leave Flyway out: only a history that holds every migration, none failed. */
class MigrationsTest {

    @Test
    void latestIsTheNewestMigrationInDb() throws Exception {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (Stream<Path> files = Files.list(Path.of("db"))) {
            for (Path f : files.toList()) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertEquals(newest, Migrations.LATEST, "a new migration in db/: raise Migrations.LATEST with it");
    }

    @Test
    void flywayRunsUnlessEveryMigrationIsApplied() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations migrations = new Migrations();
        migrations.dataSource = h2;
        assertFalse(migrations.upToDate(), "a new database has no history");

        Flyway.configure().dataSource(h2).locations("classpath:db/migration").table(Migrations.HISTORY)
                .target(String.valueOf(Migrations.LATEST - 1)).load().migrate();
        assertFalse(migrations.upToDate(), "one migration is missing");

        assertEquals(1, migrations.migrate(), "Flyway applies the missing one");
        assertTrue(migrations.upToDate());
        assertEquals(0, migrations.migrate());

        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
        }
        assertFalse(migrations.upToDate(), "a failed migration is Flyway's to report");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"schema_history\" SET \"success\" = TRUE WHERE \"version\" = '3'");
            s.executeUpdate("UPDATE \"schema_history\" SET \"version\" = '" + (Migrations.LATEST + 1)
                    + "' WHERE \"version\" = '" + Migrations.LATEST + "'");
        }
        assertFalse(migrations.upToDate(), "a newer database than this build");
    }
}
