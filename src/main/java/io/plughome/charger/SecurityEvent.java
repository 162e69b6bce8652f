package io.plughome.charger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a charger's security log (2.0.1 SecurityEventNotification), as it reported it. */
@Entity
@Table(name = "security_event")
@NamedQuery(name = "SecurityEvent.findByCharger", query = "SELECT e FROM SecurityEvent e"
        + " WHERE e.chargerId = :chargerId ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(name = "SecurityEvent.countByCharger", query = "SELECT COUNT(e) FROM SecurityEvent e"
        + " WHERE e.chargerId = :chargerId")
public class SecurityEvent {

    public static final int TYPE_MAX = 50;
    public static final int TECH_INFO_MAX = 255;

    @Id
    @SequenceGenerator(name = "security_event_seq", sequenceName = "security_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "security_event_seq")
    private Long id;
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "event_type", length = TYPE_MAX)
    private String type;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "tech_info", length = TECH_INFO_MAX)
    private String techInfo;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected SecurityEvent() {
    }

    public SecurityEvent(String chargerId, String type, Instant occurredAt, String techInfo, Instant receivedAt) {
        this.chargerId = chargerId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.techInfo = techInfo;
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public String chargerId() {
        return chargerId;
    }

    public String type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String techInfo() {
        return techInfo;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
