package io.plughome.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One event on its way to one webhook: the outbox row, with how its attempts went. */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = "WebhookDelivery.due", query = "SELECT d FROM WebhookDelivery d WHERE d.status = :pending"
        + " AND d.nextAttemptAt <= :now ORDER BY d.nextAttemptAt, d.id")
@NamedQuery(name = "WebhookDelivery.ofWebhook",
        query = "SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhook ORDER BY d.id DESC")
@NamedQuery(name = "WebhookDelivery.countOfWebhook",
        query = "SELECT COUNT(d) FROM WebhookDelivery d WHERE d.webhookId = :webhook")
@NamedQuery(name = "WebhookDelivery.deleteOfWebhook", query = "DELETE FROM WebhookDelivery d WHERE d.webhookId = :webhook")
@NamedQuery(name = "WebhookDelivery.deleteDoneBefore", query = "DELETE FROM WebhookDelivery d"
        + " WHERE d.status <> :pending AND d.createdAt < :before")
public class WebhookDelivery {

    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, FAILED }

    /** The body is cut nowhere: an event larger than the column is not queued (and logged). */
    public static final int MAX_BODY = 16_000;
    public static final int MAX_ERROR = 500;

    @Id
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    private Long id;
    @Column(name = "webhook_id")
    private long webhookId;
    @Column(name = "event_id")
    private String eventId;
    private String event;
    @Column(name = "charger_id")
    private String chargerId;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(long webhookId, String eventId, String event, String chargerId, String body, Instant now) {
        this.webhookId = webhookId;
        this.eventId = eventId;
        this.event = event;
        this.chargerId = chargerId;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * Records an attempt: a 2xx delivers; a 4xx refusal other than 408, 425 and 429 fails at once (the
     * receiver said the request itself is wrong: sending it again cannot help); anything else is tried
     * again after {@code retryIn}, or fails when none is left.
     */
    void attempted(Instant at, Integer statusCode, String error, Duration retryIn) {
        if (statusCode != null && statusCode >= 400 && statusCode < 500 && statusCode != 408 && statusCode != 425
                && statusCode != 429) {
            retryIn = null;
        }
        attempts++;
        lastAttemptAt = at;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            status = Status.DELIVERED;
            nextAttemptAt = null;
        } else if (retryIn == null) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = at.plus(retryIn);
        }
    }

    public Long id() {
        return id;
    }

    public long webhookId() {
        return webhookId;
    }

    public String eventId() {
        return eventId;
    }

    public String event() {
        return event;
    }

    public String chargerId() {
        return chargerId;
    }

    public String body() {
        return body;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }
}
