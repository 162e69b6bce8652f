package io.plughome.api.v1;

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

/** An API token kept in the database; only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.findByHash", query = "SELECT t FROM ApiToken t WHERE t.secretHash = :hash")
@NamedQuery(name = "ApiToken.countByRole", query = "SELECT COUNT(t) FROM ApiToken t WHERE t.role = :role")
@NamedQuery(name = "ApiToken.findAll", query = "SELECT t FROM ApiToken t ORDER BY t.id")
@NamedQuery(name = "ApiToken.count", query = "SELECT COUNT(t) FROM ApiToken t")
@NamedQuery(name = "ApiToken.countByName", query = "SELECT COUNT(t) FROM ApiToken t WHERE t.name = :name")
public class ApiToken {

    @Id
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiToken() {
    }

    public ApiToken(String name, Role role, String secretHash, Instant createdAt) {
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }
}
