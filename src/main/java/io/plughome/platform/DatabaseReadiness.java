package io.plughome.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/plughome")
    DataSource dataSource;

    @Inject
    DatabaseConfig data;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("kind", data.databaseKind());
        try (Connection connection = dataSource.getConnection()) {
            return response.status(connection.isValid(5)).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
