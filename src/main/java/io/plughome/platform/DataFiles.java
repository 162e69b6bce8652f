package io.plughome.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data directory is the owner's alone: at every start it, PlugHome's files in it
 * ({@code plughome.*}: the H2 database) and its folders ({@code tls}, {@code backups},
 * {@code diagnostics}, {@code firmware}) are made owner-only, so an installation from before this
 * is corrected; files made later are protected by their folder (nobody else may enter it).
 */
@ApplicationScoped
public class DataFiles {

    private static final Logger LOG = Logger.getLogger(DataFiles.class.getName());

    @Inject
    @ConfigProperty(name = "plughome.data.dir", defaultValue = "./data")
    String dataDir;

    /** Whether the data directory was new or empty when this start began (see {@link StartupCheck}). */
    static volatile boolean fresh;

    void started(@Observes StartupListener.Started started) {
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            int changed = restrict(data);
            if (changed > 0 && fresh) {
                LOG.info("New data directory " + data + " (owner-only)");
            } else if (changed > 0) {
                LOG.warning("Made " + changed + " files and folders in the data directory " + data
                        + " owner-only (others could read them)");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not make the data directory " + data + " owner-only: " + e.getMessage(), e);
        }
    }

    /** The data directory, PlugHome's own files and folders in it: owner-only; how many changed. */
    static int restrict(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return 0;
        }
        int changed = OwnerOnly.restrict(data) ? 1 : 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith("plughome.") && Files.isRegularFile(entry)) {
                    changed += OwnerOnly.restrict(entry) ? 1 : 0;
                } else if (Files.isDirectory(entry) && java.util.Set.of("tls", "backups", "diagnostics", "firmware")
                        .contains(name)) {
                    changed += OwnerOnly.restrictTree(entry);
                }
            }
        }
        return changed;
    }

}
