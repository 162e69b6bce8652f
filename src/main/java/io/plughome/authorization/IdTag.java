package io.plughome.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One of the owner's idTags: an RFID card or app token, with its status, expiry and group. */
@Entity
@Table(name = "id_tag")
@NamedQuery(name = "IdTag.all", query = "SELECT t FROM IdTag t ORDER BY t.key")
@NamedQuery(name = "IdTag.count", query = "SELECT COUNT(t) FROM IdTag t")
@NamedQuery(name = "IdTag.byKeys", query = "SELECT t FROM IdTag t WHERE t.key IN :keys")
public class IdTag {

    /** OCPP idTags are at most 20 characters. */
    public static final int MAX_LENGTH = 20;

    @Id
    @Column(name = "id_tag_key")
    private String key;
    @Column(name = "id_tag")
    private String idTag;
    private String name;
    @Enumerated(EnumType.STRING)
    private IdTagStatus status;
    @Column(name = "expiry_date")
    private Instant expiryDate;
    @Column(name = "parent_id_tag")
    private String parentIdTag;
    @Column(name = "list_version")
    private int listVersion;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected IdTag() {
    }

    public IdTag(String idTag, Instant now) {
        this.key = key(idTag);
        this.idTag = idTag;
        this.createdAt = now;
    }

    /** How idTags are compared: OCPP's IdToken is case-insensitive. */
    public static String key(String idTag) {
        return idTag.toUpperCase(Locale.ROOT);
    }

    public void change(String idTag, String name, IdTagStatus status, Instant expiryDate, String parentIdTag,
            int listVersion, Instant now) {
        this.idTag = idTag;
        this.name = name;
        this.status = status;
        this.expiryDate = expiryDate;
        this.parentIdTag = parentIdTag;
        this.listVersion = listVersion;
        this.updatedAt = now;
    }

    /** The answer for this idTag at {@code now}: an accepted one past its expiry is Expired. */
    public Verdict verdict(Instant now) {
        IdTagStatus answer = status == IdTagStatus.Accepted && expiryDate != null && !expiryDate.isAfter(now)
                ? IdTagStatus.Expired : status;
        return new Verdict(answer, expiryDate, parentIdTag);
    }

    public String key() {
        return key;
    }

    public String idTag() {
        return idTag;
    }

    public String name() {
        return name;
    }

    public IdTagStatus status() {
        return status;
    }

    public Instant expiryDate() {
        return expiryDate;
    }

    public String parentIdTag() {
        return parentIdTag;
    }

    public int listVersion() {
        return listVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
