package io.plughome.api.v1;

import io.plughome.automation.MqttBridge;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/mqtt}: whether MQTT is on and connected, and how much it sent and dropped. */
@Path("v1/mqtt")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Home automation")
public class MqttResource {

    @Inject
    MqttBridge bridge;

    @GET
    @Operation(summary = "The MQTT connection", description = "enabled (PLUGHOME_MQTT_URL is set), connected, the"
            + " broker (without its password), the prefixes, messages published, and state updates dropped because"
            + " a newer value replaced them before the broker took them.")
    public MqttBridge.Status status() {
        return bridge.status();
    }
}
