package io.plughome.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How webhook deliveries are retried: backoff from the first delay, doubling to a ceiling, up to a limit. */
@ApplicationScoped
public class WebhookConfig {

    @Inject
    @ConfigProperty(name = "plughome.webhook.retry.first.seconds", defaultValue = "5")
    int firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "plughome.webhook.retry.max.seconds", defaultValue = "3600")
    int maxRetrySeconds;

    @Inject
    @ConfigProperty(name = "plughome.webhook.max.attempts", defaultValue = "12")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "plughome.webhook.timeout.seconds", defaultValue = "10")
    int timeoutSeconds;

    /** The wait before the next attempt after {@code attempts} failed ones; null when none is left. */
    public Duration retryAfter(int attempts) {
        return retryAfter(attempts, firstRetrySeconds, maxRetrySeconds, maxAttempts);
    }

    static Duration retryAfter(int attempts, int first, int max, int limit) {
        if (attempts >= limit) {
            return null;
        }
        long seconds = (long) first << Math.min(30, Math.max(0, attempts - 1));
        return Duration.ofSeconds(Math.min(seconds, max));
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
