package io.plughome.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations from {@code db/} (packaged as {@code classpath:db/migration})
 * to the configured database. Runs once at start-up, before the application serves anything.
 *
 * <p>A database whose history already holds every migration, none failed, is left as it is without
 * starting Flyway: loading it (and its JSON library) took about a second of every start and 10 MiB
 * of class metadata for nothing.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    /** The newest migration in {@code db/}; MigrationsTest keeps it in step with the files. */
    static final int LATEST = 14;

    static final String HISTORY = "schema_history";

    @Resource(lookup = "jdbc/plughome")
    DataSource dataSource;

    /** Brings the schema to {@link #LATEST}; the number of migrations applied now. */
    public int migrate() {
        if (upToDate()) {
            LOG.info(() -> "Database schema at version " + LATEST + " (0 migration(s) applied now)");
            return 0;
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
        return result.migrationsExecuted;
    }

    /**
     * Whether Flyway's history says {@link #LATEST} was applied and no migration failed or is newer
     * than this build knows. Anything else (no history yet, a failed or unknown row, a database
     * that cannot be read) is Flyway's to handle and report.
     */
    boolean upToDate() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\"")) {
            boolean latest = false;
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return false;
                }
                if (version == null) {
                    continue; // Flyway's own row for the schema it made
                }
                int v;
                try {
                    v = Integer.parseInt(version.trim());
                } catch (NumberFormatException e) {
                    return false;
                }
                if (v > LATEST) {
                    return false;
                }
                latest |= v == LATEST;
            }
            return latest;
        } catch (SQLException e) {
            return false;
        }
    }
}
