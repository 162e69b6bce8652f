package io.plughome.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which database PlugHome uses ({@code PLUGHOME_DB_URL}); the data source itself is defined in server.xml. */
@ApplicationScoped
public class DatabaseConfig {

    @Inject
    @ConfigProperty(name = "plughome.db.url", defaultValue = "")
    String dbUrl;

    /** "postgresql" or "h2", for the health report. */
    public String databaseKind() {
        return dbUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }
}
