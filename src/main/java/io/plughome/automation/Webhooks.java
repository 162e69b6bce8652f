package io.plughome.automation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The webhook subscriptions and their outbox. The subscriptions are also held in memory, so an
 * event that nobody subscribed to costs no database work.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_URL = 2000;

    /** A new subscription and its secret, shown once. */
    public record Created(Webhook webhook, String secret) {
    }

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookConfig config;

    private final List<Webhook> subscriptions = new CopyOnWriteArrayList<>();

    @PostConstruct
    void load() {
        reload();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> subscriptions() {
        return subscriptions;
    }

    /**
     * Whether any subscription wants this event: the outbox's cheap first question, asked for every
     * event (no transaction: one began and ended for nothing was 2.6 % of the CPU at 10,000 chargers).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyWants(String event) {
        return subscriptions.stream().anyMatch(w -> w.wants(event));
    }

    private void reload() {
        subscriptions.clear();
        subscriptions.addAll(em.createNamedQuery("Webhook.findAll", Webhook.class).getResultList());
    }

    /**
     * Subscribes a URL (http or https; loopback and LAN addresses are fine) to events (a list of
     * {@link Webhook#EVENTS}, or {@code *}); without a secret one is made. Bad input is an
     * IllegalArgumentException saying what is wrong.
     */
    public Created create(String url, List<String> events, String secret, String createdBy) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an http:// or https:// URL with a host, e.g."
                    + " http://192.168.1.20:8123/api/webhook/plughome");
        }
        if (uri.toString().length() > MAX_URL) {
            throw new IllegalArgumentException("url has more than " + MAX_URL + " characters");
        }
        List<String> wanted = normalised(events);
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET
                || !secret.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new IllegalArgumentException("secret must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " printable ASCII characters without spaces (leave it out to have one made)");
        }
        String key = secret != null ? secret : newSecret();
        Webhook webhook = new Webhook(uri.toString(), wanted, key, clock.instant(), createdBy);
        em.persist(webhook);
        em.flush();
        reload();
        return new Created(webhook, key);
    }

    static List<String> normalised(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("events must list what to send (" + String.join(", ", Webhook.EVENTS)
                    + ") or be [\"*\"] for all of them");
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        for (String e : events) {
            String name = e == null ? "" : e.trim();
            if (!name.equals(Webhook.ALL) && !Webhook.EVENTS.contains(name) && !Webhook.NAMED_ONLY.contains(name)) {
                throw new IllegalArgumentException("unknown event '" + name + "'; known: "
                        + String.join(", ", Webhook.EVENTS) + ", " + String.join(", ", Webhook.NAMED_ONLY)
                        + ", or * (all but " + String.join(", ", Webhook.NAMED_ONLY) + ")");
            }
            wanted.add(name);
        }
        if (wanted.contains(Webhook.ALL)) {
            // "*" covers the listed events; what is sent only when named stays, if named.
            wanted.removeIf(Webhook.EVENTS::contains);
        }
        return new ArrayList<>(wanted);
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public List<Webhook> list() {
        return em.createNamedQuery("Webhook.findAll", Webhook.class).getResultList();
    }

    public Optional<Webhook> byId(long id) {
        return Optional.ofNullable(em.find(Webhook.class, id));
    }

    public boolean delete(long id) {
        Webhook webhook = em.find(Webhook.class, id);
        if (webhook == null) {
            return false;
        }
        em.createNamedQuery("WebhookDelivery.deleteOfWebhook").setParameter("webhook", id).executeUpdate();
        em.remove(webhook);
        em.flush();
        reload();
        return true;
    }

    /** Puts an event in the outbox of every subscription that wants it; answers how many. */
    public int enqueue(String eventId, String event, String chargerId, String body) {
        if (body.length() > WebhookDelivery.MAX_BODY) {
            LOG.warning(() -> "Event " + event + " " + eventId + " has " + body.length()
                    + " characters, more than a webhook delivery holds; not sent");
            return 0;
        }
        Instant now = clock.instant();
        int queued = 0;
        for (Webhook w : subscriptions) {
            if (w.wants(event) && em.find(Webhook.class, w.id()) != null) {
                em.persist(new WebhookDelivery(w.id(), eventId, event, chargerId, body, now));
                queued++;
            }
        }
        return queued;
    }

    /** Queues a ping for one subscription (its test). */
    public WebhookDelivery ping(Webhook webhook, String eventId, String body) {
        WebhookDelivery delivery = new WebhookDelivery(webhook.id(), eventId, Webhook.PING, null, body,
                clock.instant());
        em.persist(delivery);
        em.flush();
        return delivery;
    }

    /** Deliveries whose next attempt is due, oldest first. */
    public List<WebhookDelivery> due(int max) {
        return em.createNamedQuery("WebhookDelivery.due", WebhookDelivery.class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", clock.instant())
                .setMaxResults(max).getResultList();
    }

    /** Records how an attempt went (a status code, or an error when there was no answer). */
    public void attempted(long deliveryId, Integer statusCode, String error) {
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
        if (d != null) {
            d.attempted(clock.instant(), statusCode, error, config.retryAfter(d.attempts() + 1));
        }
    }

    public List<WebhookDelivery> deliveries(long webhookId, int offset, int limit) {
        return em.createNamedQuery("WebhookDelivery.ofWebhook", WebhookDelivery.class)
                .setParameter("webhook", webhookId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long deliveryCount(long webhookId) {
        return em.createNamedQuery("WebhookDelivery.countOfWebhook", Long.class).setParameter("webhook", webhookId)
                .getSingleResult();
    }

    /** Forgets finished deliveries older than the given instant; answers how many. */
    public int forgetDoneBefore(Instant before) {
        return em.createNamedQuery("WebhookDelivery.deleteDoneBefore")
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("before", before)
                .executeUpdate();
    }
}
