package io.plughome.automation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers the webhook outbox: an EJB interval timer (every second) picks the deliveries that
 * are due and POSTs them, asynchronously, so a slow receiver holds up nothing else. Each POST
 * carries {@code X-PlugHome-Event}, {@code X-PlugHome-Delivery} (the event id, the same on every
 * retry) and {@code X-PlugHome-Signature: sha256=<hex HMAC-SHA256 of the body>}. A 2xx answer
 * delivers; anything else, or no answer within the timeout, is retried with backoff. Pending
 * deliveries are in the database, so they go on after a restart.
 */
@Singleton
@Startup
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private static final int BATCH = 50;
    private static final Duration KEEP_DONE = Duration.ofDays(7);

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    private HttpClient http;
    /** Deliveries being sent now: not picked again until their attempt is recorded. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private long ticks;

    @PostConstruct
    void schedule() {
        http = HttpClient.newBuilder().executor(executor).connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        timers.createIntervalTimer(1000, 1000, new TimerConfig("webhook-deliveries", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            if (++ticks % 3600 == 0) {
                webhooks.forgetDoneBefore(clock.instant().minus(KEEP_DONE));
            }
            if (webhooks.subscriptions().isEmpty()) {
                return;
            }
            Map<Long, Webhook> byId = new java.util.HashMap<>();
            webhooks.subscriptions().forEach(w -> byId.put(w.id(), w));
            for (WebhookDelivery d : webhooks.due(BATCH)) {
                Webhook w = byId.get(d.webhookId());
                if (w != null && inFlight.add(d.id())) {
                    send(w, d);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook deliveries failed this round", e);
        }
    }

    private void send(Webhook w, WebhookDelivery d) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(w.url())).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "PlugHome")
                    .header("X-PlugHome-Event", d.event()).header("X-PlugHome-Delivery", d.eventId())
                    .header("X-PlugHome-Signature", "sha256=" + sign(w.secret(), d.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8)).build();
        } catch (RuntimeException e) {
            record(d, null, "Cannot send: " + e.getMessage());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                record(d, null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                        : ": " + cause.getMessage()));
            } else {
                record(d, response.statusCode(), response.statusCode() / 100 == 2 ? null
                        : "HTTP " + response.statusCode());
            }
        });
    }

    private void record(WebhookDelivery d, Integer statusCode, String error) {
        try {
            webhooks.attempted(d.id(), statusCode, error);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record webhook delivery " + d.id(), e);
        } finally {
            inFlight.remove(d.id());
        }
    }

    /** The hex HMAC-SHA256 of the body's UTF-8 bytes with the secret's. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
