package io.plughome.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long commands wait for chargers, and the idTag remote starts use by default. */
@ApplicationScoped
public class ControlConfig {

    /** The longest idTag OCPP 1.6 allows. */
    public static final int MAX_ID_TAG = 20;

    @Inject
    @ConfigProperty(name = "plughome.command.timeout", defaultValue = "30")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "plughome.remote.id.tag", defaultValue = "PlugHome")
    String remoteIdTag;

    /** How long a command waits for the charger's answer ({@code PLUGHOME_COMMAND_TIMEOUT}, seconds). */
    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** The idTag of a remote start that names none ({@code PLUGHOME_REMOTE_ID_TAG}). */
    public String remoteIdTag() {
        String tag = remoteIdTag.trim();
        if (tag.isEmpty() || tag.length() > MAX_ID_TAG) {
            throw new IllegalStateException("PLUGHOME_REMOTE_ID_TAG must be 1 to " + MAX_ID_TAG
                    + " characters, not '" + remoteIdTag + "'");
        }
        return tag;
    }
}
