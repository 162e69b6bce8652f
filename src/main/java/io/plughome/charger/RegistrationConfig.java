package io.plughome.charger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How chargers are admitted ({@code PLUGHOME_REGISTRATION}) and how often they must report. */
@ApplicationScoped
public class RegistrationConfig {

    @Inject
    @ConfigProperty(name = "plughome.registration", defaultValue = "accept")
    String registration;

    @Inject
    @ConfigProperty(name = "plughome.heartbeat.interval", defaultValue = "300")
    int heartbeatInterval;

    /** The registration an unknown charger gets on its first connection. */
    public Registration forNewCharger() {
        return switch (registration.trim().toLowerCase(Locale.ROOT)) {
            case "pending" -> Registration.PENDING;
            case "reject" -> Registration.REJECTED;
            case "accept" -> Registration.ACCEPTED;
            default -> throw new IllegalStateException(
                    "PLUGHOME_REGISTRATION must be accept, pending or reject, not '" + registration + "'");
        };
    }

    /** Seconds between heartbeats, told to every charger in the BootNotification answer. */
    public int heartbeatInterval() {
        return heartbeatInterval;
    }
}
