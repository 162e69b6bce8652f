package io.plughome.api.v1;

import io.plughome.platform.StartupListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves bearer tokens to a caller: the bootstrap tokens from configuration
 * ({@code PLUGHOME_ADMIN_TOKEN}, {@code PLUGHOME_VIEWER_TOKEN}) and tokens stored hashed in the
 * database. With no admin token configured, one is generated on first start and printed once.
 */
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who is calling. */
    public record Caller(String name, Role role) {
    }

    /** A token just made: the stored row, and its secret, which is never shown again. */
    public record Created(ApiToken token, String secret) {
    }

    @Inject
    @ConfigProperty(name = "plughome.admin.token")
    Optional<String> adminToken;

    @Inject
    @ConfigProperty(name = "plughome.viewer.token")
    Optional<String> viewerToken;

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<Caller> resolve(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        if (matches(adminToken, secret)) {
            return Optional.of(new Caller("admin", Role.ADMIN));
        }
        if (matches(viewerToken, secret)) {
            return Optional.of(new Caller("viewer", Role.VIEWER));
        }
        return em.createNamedQuery("ApiToken.findByHash", ApiToken.class).setParameter("hash", hash(secret))
                .getResultStream().findFirst().map(t -> new Caller(t.name(), t.role()));
    }

    /** The caller of a token known by its hash (as {@link #hash} makes it), if the token is still valid. */
    public Optional<Caller> resolveHash(String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        if (configured(adminToken) && hash(adminToken.get()).equals(hash)) {
            return Optional.of(new Caller("admin", Role.ADMIN));
        }
        if (configured(viewerToken) && hash(viewerToken.get()).equals(hash)) {
            return Optional.of(new Caller("viewer", Role.VIEWER));
        }
        return em.createNamedQuery("ApiToken.findByHash", ApiToken.class).setParameter("hash", hash)
                .getResultStream().findFirst().map(t -> new Caller(t.name(), t.role()));
    }

    @Transactional
    public List<ApiToken> list(int offset, int limit) {
        return em.createNamedQuery("ApiToken.findAll", ApiToken.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    @Transactional
    public long count() {
        return em.createNamedQuery("ApiToken.count", Long.class).getSingleResult();
    }

    /** Makes a token; its secret is returned once and only its hash is kept. */
    @Transactional
    public Created create(String name, Role role) {
        long same = em.createNamedQuery("ApiToken.countByName", Long.class).setParameter("name", name)
                .getSingleResult();
        if (same > 0) {
            throw new IllegalArgumentException("A token named '" + name + "' exists already");
        }
        String secret = newSecret();
        ApiToken token = new ApiToken(name, role, hash(secret), clock.instant());
        em.persist(token);
        em.flush();
        return new Created(token, secret);
    }

    /**
     * Deletes a token. The last admin token cannot go while no admin token is configured:
     * nobody could administer the server afterwards.
     */
    @Transactional
    public Optional<ApiToken> delete(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            return Optional.empty();
        }
        if (token.role() == Role.ADMIN && !configured(adminToken) && em.createNamedQuery("ApiToken.countByRole",
                Long.class).setParameter("role", Role.ADMIN).getSingleResult() <= 1) {
            throw new IllegalStateException("This is the last admin token and PLUGHOME_ADMIN_TOKEN is not set;"
                    + " create another admin token first");
        }
        em.remove(token);
        return Optional.of(token);
    }

    /** The bootstrap tokens set in configuration, by name. */
    public List<Caller> configuredTokens() {
        List<Caller> configured = new ArrayList<>();
        if (configured(adminToken)) {
            configured.add(new Caller("admin", Role.ADMIN));
        }
        if (configured(viewerToken)) {
            configured.add(new Caller("viewer", Role.VIEWER));
        }
        return configured;
    }

    /** First start without a configured admin token: make one, store its hash, show it once. */
    @Transactional
    void firstStart(@Observes StartupListener.Started started) {
        if (configured(adminToken)) {
            return;
        }
        long admins = em.createNamedQuery("ApiToken.countByRole", Long.class).setParameter("role", Role.ADMIN)
                .getSingleResult();
        if (admins > 0) {
            return;
        }
        String secret = newSecret();
        em.persist(new ApiToken("admin", Role.ADMIN, hash(secret), clock.instant()));
        LOG.warning("\n\n  PlugHome admin token (shown only this once; store it now):\n\n    " + secret
                + "\n\n  Use it as 'Authorization: Bearer <token>'. To choose your own, set PLUGHOME_ADMIN_TOKEN.\n");
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "ph_" + HexFormat.of().formatHex(random);
    }

    private static boolean configured(Optional<String> token) {
        return token.isPresent() && !token.get().isBlank();
    }

    /** Compares digests, so the comparison takes the same time whatever the lengths and contents. */
    private static boolean matches(Optional<String> configured, String secret) {
        return configured(configured) && MessageDigest.isEqual(digest(configured.get()), digest(secret));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stored tokens are looked up by the SHA-256 of the secret: a random 192-bit secret needs no
     * salt or stretching, and the lookup compares digests, not secrets.
     */
    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }
}
