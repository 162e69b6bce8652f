package io.plughome.api.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One browser's sign-in to the dashboard (see {@link UiSessions}). */
@Entity
@Table(name = "ui_session")
@NamedQuery(name = "UiSession.deleteIdleSince", query = "DELETE FROM UiSession s WHERE s.lastUsedAt < :before")
public class UiSession {

    @Id
    @Column(name = "id_hash")
    private String idHash;
    @Column(name = "token_hash")
    private String tokenHash;
    private String csrf;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "user_agent")
    private String userAgent;

    protected UiSession() {
    }

    UiSession(String idHash, String tokenHash, String csrf, Instant now, String userAgent) {
        this.idHash = idHash;
        this.tokenHash = tokenHash;
        this.csrf = csrf;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.userAgent = userAgent == null ? null : userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent;
    }

    String tokenHash() {
        return tokenHash;
    }

    String csrf() {
        return csrf;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    void used(Instant at) {
        lastUsedAt = at;
    }
}
