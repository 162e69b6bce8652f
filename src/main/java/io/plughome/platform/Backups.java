package io.plughome.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Online backups of the embedded database: H2's {@code BACKUP TO}, which copies the database file
 * consistently while the server keeps running (H2 holds its store for the copy), into
 * {@code <data dir>/backups/plughome-<UTC time>.zip}. Restoring is unzipping that file into the
 * data directory while the server is stopped (README, "Backup and restore"). On PostgreSQL the
 * database is not embedded: back it up with its own tools (pg_dump).
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** The names this server gives backups; nothing else is read or deleted. */
    static final Pattern NAME = Pattern.compile("plughome-\\d{8}T\\d{9}Z\\.zip");

    @Resource(lookup = "jdbc/plughome")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "plughome.data.dir", defaultValue = "./data")
    String dataDir;

    /** One backup file. */
    public record Backup(String name, long sizeBytes, Instant createdAt) {
    }

    /** Thrown when the database is not the embedded one. */
    public static final class NotEmbedded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotEmbedded(String product) {
            super("The database is " + product + ", not the embedded H2: back it up with its own tools"
                    + " (for PostgreSQL: pg_dump; README, \"Backup and restore\")");
        }
    }

    public Path folder() {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("backups");
    }

    /** Takes a backup now; the database keeps serving meanwhile. */
    public synchronized Backup create() throws IOException {
        OwnerOnly.createDirectories(folder());
        Path target = folder().resolve("plughome-" + STAMP.format(clock.instant()) + ".zip");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new NotEmbedded(product);
            }
            try (Statement statement = connection.createStatement()) {
                // the path is ours (data dir + a timestamp), never a client's; quotes doubled all the same
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new IOException("The backup failed: " + e.getMessage(), e);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        OwnerOnly.restrict(target);
        Backup backup = describe(target);
        LOG.info(() -> "Backup " + backup.name() + " (" + backup.sizeBytes() + " bytes) written to " + folder());
        return backup;
    }

    public List<Backup> list() throws IOException {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(java.util.Comparator.reverseOrder()).map(this::describe).toList();
        }
    }

    /** The file of a backup by its name, if it is one of ours and exists. */
    public Optional<Path> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder().resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public boolean delete(String name) throws IOException {
        Optional<Path> file = file(name);
        if (file.isEmpty()) {
            return false;
        }
        Files.delete(file.get());
        return true;
    }

    private Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
