package io.plughome.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One control action: when, who, which charger, what was asked, and how it ended. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;
    @Column(name = "occurred_at")
    private Instant at;
    private String actor;
    @Column(name = "actor_role")
    private String actorRole;
    @Column(name = "charger_id")
    private String chargerId;
    private String action;
    private String request;
    private String outcome;
    private String detail;
    @Column(name = "duration_ms")
    private Long durationMs;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, Actor actor, String chargerId, String action, String request, Outcome outcome,
            String detail, Long durationMs) {
        this.at = at;
        this.actor = actor.name();
        this.actorRole = actor.role();
        this.chargerId = chargerId;
        this.action = action;
        this.request = request;
        this.outcome = outcome.wire();
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.durationMs = durationMs;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String actorRole() {
        return actorRole;
    }

    public String chargerId() {
        return chargerId;
    }

    public String action() {
        return action;
    }

    /** The request as JSON text. */
    public String request() {
        return request;
    }

    public String outcome() {
        return outcome;
    }

    /** What the charger answered (its status word, or the error), for people. */
    public String detail() {
        return detail;
    }

    public Long durationMs() {
        return durationMs;
    }
}
