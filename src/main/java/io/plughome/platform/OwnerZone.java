package io.plughome.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The owner's time zone ({@code PLUGHOME_TIMEZONE}, an IANA name such as {@code Europe/Berlin};
 * the system's zone when unset): charging windows and energy buckets are in its local time.
 */
@ApplicationScoped
public class OwnerZone {

    @Inject
    @ConfigProperty(name = "plughome.timezone")
    Optional<String> timezone;

    public ZoneId zone() {
        String name = timezone.map(String::trim).orElse("");
        if (name.isEmpty()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalStateException("PLUGHOME_TIMEZONE must be a time zone name such as Europe/Berlin, not '"
                    + name + "'");
        }
    }
}
