package io.plughome.smart;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The power the house can spare now (solar surplus, or what the grid connection allows), as the
 * owner's home automation reports it, turned into the current the chargers may share: it caps
 * the site limit. Most cars stop below 6 A, so below the minimum the chargers keep the minimum
 * for a hold time (a passing cloud) and then pause; they resume once the input has been a step
 * above the minimum for the hold time. Changes smaller than the step are not passed on, so the
 * chargers are not re-profiled every few seconds. When updates stop for the timeout, the
 * fallback applies: the plain site limit by default, or a fixed current.
 *
 * <p>The input is a live reading, kept in memory: after a restart it is absent until the next one.
 */
@ApplicationScoped
public class AvailablePower {

    /** The last input: watts or amperes per phase, and when it came. */
    public record Input(Double powerW, Double currentA, Instant at) {
    }

    /** What the input does now. */
    public record State(Input input, Double inputCurrentA, Double allowedCurrentA, boolean paused, boolean stale,
            double minimumCurrentA, String fallback) {
    }

    @Inject
    @ConfigProperty(name = "plughome.available.power.timeout", defaultValue = "120")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "plughome.available.power.fallback", defaultValue = "site-limit")
    String fallback;

    @Inject
    @ConfigProperty(name = "plughome.available.power.hold", defaultValue = "60")
    int holdSeconds;

    @Inject
    @ConfigProperty(name = "plughome.available.power.minimum", defaultValue = "6")
    double minimumA;

    @Inject
    @ConfigProperty(name = "plughome.available.power.step", defaultValue = "1")
    double stepA;

    @Inject
    SmartConfig config;

    @Inject
    Clock clock;

    private Double fallbackA;
    private Input input;
    private Double allowed;
    private boolean paused;
    private Instant pendingSince;

    @PostConstruct
    void check() {
        String f = fallback.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("site-limit")) {
            try {
                fallbackA = Double.parseDouble(f.replace("a", "").trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("PLUGHOME_AVAILABLE_POWER_FALLBACK is site-limit or a current in A"
                        + " (e.g. 6 or 0), not '" + fallback + "'");
            }
        }
    }

    /** Takes a new reading; answers whether the current the chargers may draw changed. */
    public synchronized boolean report(Double powerW, Double currentA) {
        input = new Input(powerW, currentA, clock.instant());
        return evaluate();
    }

    /** Forgets the input: back to the plain site limit. Answers whether anything changed. */
    public synchronized boolean clear() {
        boolean had = allowed != null || input != null;
        input = null;
        allowed = null;
        paused = false;
        pendingSince = null;
        return had;
    }

    /**
     * Works out the current allowed now (on every reading, and every second for the hold time and
     * the timeout); answers whether it changed.
     */
    public synchronized boolean evaluate() {
        Double before = allowed;
        Instant now = clock.instant();
        if (input == null) {
            allowed = null;
        } else if (stale(now)) {
            allowed = fallbackA;
            paused = false;
            pendingSince = null;
        } else {
            double a = inputA(input);
            boolean wantsChange = paused ? a >= minimumA + stepA : a < minimumA;
            if (!wantsChange) {
                pendingSince = null;
            } else if (pendingSince == null) {
                pendingSince = now;
            }
            if (wantsChange && !Duration.between(pendingSince, now).minusSeconds(holdSeconds).isNegative()) {
                paused = !paused;
                pendingSince = null;
            }
            double target = paused ? 0 : Math.max(a, minimumA);
            boolean small = before != null && before > 0 && target > 0 && Math.abs(target - before) < stepA;
            allowed = small ? before : LimitPolicy.floorTenth(target);
        }
        return before == null ? allowed != null : !before.equals(allowed);
    }

    private boolean stale(Instant now) {
        return input.at().plusSeconds(timeoutSeconds).isBefore(now);
    }

    private double inputA(Input in) {
        return in.currentA() != null ? in.currentA() : config.supply().amps(in.powerW());
    }

    /** The site limit the chargers share: the stored one, capped by what the house can spare. */
    public synchronized Double siteLimit(Double stored) {
        if (allowed == null) {
            return stored;
        }
        return stored == null ? allowed : Math.min(stored, allowed);
    }

    public synchronized State state() {
        boolean stale = input != null && stale(clock.instant());
        return new State(input, input == null ? null : inputA(input), allowed, paused, stale, minimumA,
                fallbackA == null ? "site-limit" : fallbackA + " A");
    }

    /** Whether an input is being followed (the timer need not run otherwise). */
    public synchronized boolean active() {
        return input != null;
    }
}
