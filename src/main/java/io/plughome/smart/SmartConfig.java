package io.plughome.smart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The supply assumed when amperes and watts must be compared or converted
 * ({@code PLUGHOME_SITE_VOLTAGE}, default 230; {@code PLUGHOME_SITE_PHASES}, default 3), and how
 * often every connected charger is checked against its effective limit
 * ({@code PLUGHOME_SMART_SWEEP}, seconds, default 300) besides the timers at window edges.
 */
@ApplicationScoped
public class SmartConfig {

    @Inject
    @ConfigProperty(name = "plughome.site.voltage", defaultValue = "230")
    double voltage;

    @Inject
    @ConfigProperty(name = "plughome.site.phases", defaultValue = "3")
    int phases;

    @Inject
    @ConfigProperty(name = "plughome.smart.sweep", defaultValue = "300")
    int sweepSeconds;

    @Inject
    @ConfigProperty(name = "plughome.site.offline.grace", defaultValue = "60")
    int offlineGraceMinutes;

    /**
     * How long the sessions of a charger that went offline still count for the site limit
     * ({@code PLUGHOME_SITE_OFFLINE_GRACE}, minutes after it was last heard from, default 60): it
     * goes on charging at its last profile meanwhile, so its share stays reserved.
     */
    public Duration offlineGrace() {
        return Duration.ofMinutes(Math.max(0, offlineGraceMinutes));
    }

    public Electrical supply() {
        try {
            return new Electrical(voltage, phases);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PLUGHOME_SITE_VOLTAGE must be positive and PLUGHOME_SITE_PHASES 1 to 3");
        }
    }

    public int sweepSeconds() {
        return Math.max(10, sweepSeconds);
    }
}
