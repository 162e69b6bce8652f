package io.plughome.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A webhook subscription: where to POST which events, and the secret they are signed with. */
@Entity
@Table(name = "webhook")
@NamedQuery(name = "Webhook.findAll", query = "SELECT w FROM Webhook w ORDER BY w.id")
public class Webhook {

    /** The events {@code *} stands for (PRODUCT.md, "Webhook events"). */
    public static final List<String> EVENTS = List.of("charger.online", "charger.offline", "charger.status",
            "charger.fault", "session.started", "session.stopped", "command.result",
            "charger.removed");
    /** Events sent only to a subscription that names them: a charging car gives one every few seconds. */
    public static final List<String> NAMED_ONLY = List.of("meter.values");
    public static final String ALL = "*";
    public static final String PING = "ping";

    @Id
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    private Long id;
    private String url;
    private String events;
    private String secret;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;

    protected Webhook() {
    }

    public Webhook(String url, List<String> events, String secret, Instant createdAt, String createdBy) {
        this.url = url;
        this.events = String.join(",", events);
        this.secret = secret;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> events() {
        return Arrays.asList(events.split(","));
    }

    /**
     * Whether this subscription wants the event: one it names, or one of {@link #EVENTS} when it
     * has {@code *} (a ping is for whoever is tested, not for all).
     */
    public boolean wants(String event) {
        if (PING.equals(event)) {
            return false;
        }
        List<String> named = events();
        return named.contains(event) || named.contains(ALL) && EVENTS.contains(event);
    }

    public String secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
