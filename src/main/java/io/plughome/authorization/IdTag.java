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

    /**
     * The longest idTag: 36 characters, a 2.0.1 idToken (1.6 idTags have 20; longer ones are left
     * out of a 1.6 charger's local list).
     */
    public static final int MAX_LENGTH = 36;
    /** The longest idTag a 1.6 charger takes. */
    public static final int MAX_LENGTH_16 = 20;
    public static final int TOKEN_TYPE_MAX = 20;

    @Id
    @Column(name = "id_tag_key", length = MAX_LENGTH)
    private String key;
    @Column(name = "id_tag", length = MAX_LENGTH)
    private String idTag;
    @Column(name = "token_type", length = TOKEN_TYPE_MAX)
    private String tokenType;
    private String name;
    @Enumerated(EnumType.STRING)
    private IdTagStatus status;
    @Column(name = "expiry_date")
    private Instant expiryDate;
    @Column(name = "parent_id_tag", length = MAX_LENGTH)
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

    public void change(String idTag, String tokenType, String name, IdTagStatus status, Instant expiryDate,
            String parentIdTag, int listVersion, Instant now) {
        this.idTag = idTag;
        this.tokenType = tokenType;
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

    /** The 2.0.1 idToken type the owner gave (ISO14443, eMAID, ...); null when not said. */
    public String tokenType() {
        return tokenType;
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
