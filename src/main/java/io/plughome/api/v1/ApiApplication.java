package io.plughome.api.v1;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** JAX-RS root: resources declare their paths below {@code /api}, starting with {@code v1/}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "PlugHome API", version = "v1",
                description = "Local-first EV charger management: chargers, connectors, charging sessions."
                        + " Every call needs 'Authorization: Bearer <token>'; viewer tokens read, admin tokens"
                        + " also control and configure.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "bearer",
                type = SecuritySchemeType.HTTP, scheme = "bearer")))
public class ApiApplication extends Application {
}
