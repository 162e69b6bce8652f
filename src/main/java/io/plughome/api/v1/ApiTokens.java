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
import java.util.HexFormat;
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

    /** Who is calling. */
    public record Caller(String name, Role role) {
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
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = "ph_" + HexFormat.of().formatHex(random);
        em.persist(new ApiToken("admin", Role.ADMIN, hash(secret), clock.instant()));
        LOG.warning("\n\n  PlugHome admin token (shown only this once; store it now):\n\n    " + secret
                + "\n\n  Use it as 'Authorization: Bearer <token>'. To choose your own, set PLUGHOME_ADMIN_TOKEN.\n");
    }

    private static boolean configured(Optional<String> token) {
        return token.isPresent() && !token.get().isBlank();
    }

    private static boolean matches(Optional<String> configured, String secret) {
        return configured(configured) && MessageDigest.isEqual(configured.get().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
