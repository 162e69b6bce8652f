package io.plughome.files;

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
import java.time.Instant;

/** A file kept in the data directory: a charger's diagnostics upload, or a firmware file. */
@Entity
@Table(name = "charger_file")
@NamedQuery(name = "ChargerFile.diagnostics", query = "SELECT f FROM ChargerFile f WHERE f.kind = :kind"
        + " AND f.chargerId = :chargerId ORDER BY f.createdAt DESC, f.id DESC")
@NamedQuery(name = "ChargerFile.firmware", query = "SELECT f FROM ChargerFile f WHERE f.kind = :kind"
        + " ORDER BY f.createdAt DESC, f.id DESC")
@NamedQuery(name = "ChargerFile.byLink", query = "SELECT f FROM ChargerFile f WHERE f.linkToken = :token")
@NamedQuery(name = "ChargerFile.named", query = "SELECT COUNT(f) FROM ChargerFile f WHERE f.kind = :kind"
        + " AND f.name = :name")
public class ChargerFile {

    @Id
    @SequenceGenerator(name = "charger_file_seq", sequenceName = "charger_file_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charger_file_seq")
    private Long id;
    @Enumerated(EnumType.STRING)
    private FileKind kind;
    @Column(name = "charger_id")
    private String chargerId;
    private String name;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "link_token")
    private String linkToken;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChargerFile() {
    }

    public ChargerFile(FileKind kind, String chargerId, String name, long sizeBytes, String sha256, String linkToken,
            Instant createdAt) {
        this.kind = kind;
        this.chargerId = chargerId;
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.linkToken = linkToken;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public FileKind kind() {
        return kind;
    }

    public String chargerId() {
        return chargerId;
    }

    public String name() {
        return name;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public String linkToken() {
        return linkToken;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
