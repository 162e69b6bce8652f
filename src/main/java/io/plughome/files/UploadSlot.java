package io.plughome.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An upload link given to one charger with a GetDiagnostics: its token, and until when it works. */
@Entity
@Table(name = "upload_slot")
public class UploadSlot {

    @Id
    private String token;
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected UploadSlot() {
    }

    public UploadSlot(String token, String chargerId, Instant createdAt, Instant expiresAt) {
        this.token = token;
        this.chargerId = chargerId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String token() {
        return token;
    }

    public String chargerId() {
        return chargerId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean openAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
