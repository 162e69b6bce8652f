package io.plughome.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where PlugHome keeps its files ({@code PLUGHOME_DATA_DIR}) and which database it uses. */
@ApplicationScoped
public class DataConfig {

    @Inject
    @ConfigProperty(name = "plughome.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "plughome.db.url", defaultValue = "")
    String dbUrl;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The JDBC URL without credentials, for logs and the health report. */
    public String databaseKind() {
        return dbUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }
}
