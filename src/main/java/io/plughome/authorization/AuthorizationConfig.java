package io.plughome.authorization;

import io.plughome.platform.StartupListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code PLUGHOME_AUTHORIZATION}: {@code accept-all} (every idTag may charge) or {@code list}. */
@ApplicationScoped
public class AuthorizationConfig {

    public enum Mode { ACCEPT_ALL, LIST }

    @Inject
    @ConfigProperty(name = "plughome.authorization", defaultValue = "accept-all")
    String authorization;

    /** A misspelt setting stops the start-up with the reason, rather than failing each Authorize later. */
    void check(@Observes StartupListener.Started started) {
        mode();
    }

    public Mode mode() {
        return switch (authorization.trim().toLowerCase(Locale.ROOT)) {
            case "accept-all" -> Mode.ACCEPT_ALL;
            case "list" -> Mode.LIST;
            default -> throw new IllegalStateException(
                    "PLUGHOME_AUTHORIZATION must be accept-all or list, not '" + authorization + "'");
        };
    }

    public boolean listMode() {
        return mode() == Mode.LIST;
    }

    /** The setting's value as documented. */
    public String wire() {
        return mode() == Mode.LIST ? "list" : "accept-all";
    }
}
