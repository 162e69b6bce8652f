package io.plughome.api.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The dashboard's sign-in (PRODUCT.md, "The dashboard's sign-in"): a token given once becomes an
 * HttpOnly, SameSite=Strict cookie for this browser, so a new tab or tomorrow's visit needs no
 * token. What the server keeps is the SHA-256 of the cookie's value (a copy of the database does
 * not sign anyone in), the hash of the token it was made from (deleting or changing that token
 * ends its sign-ins at once) and a CSRF token that every change must carry in
 * {@code X-CSRF-Token}. A sign-in unused for 30 days ends. API clients keep Bearer tokens.
 */
@ApplicationScoped
@Transactional
public class UiSessions {

    public static final String COOKIE = "plughome_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration IDLE = Duration.ofDays(30);
    private static final Duration TOUCH = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in browser: who it is, and the CSRF token its changes must carry. */
    public record SignedIn(ApiTokens.Caller caller, String csrf) {
    }

    /** A new sign-in: the cookie's value (never stored) and the CSRF token. */
    public record Started(String cookie, SignedIn signedIn) {
    }

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    ApiTokens tokens;

    @Inject
    Clock clock;

    /** Signs a browser in with a token; empty when the token is not known. */
    public Optional<Started> signIn(String token, String userAgent) {
        Optional<ApiTokens.Caller> caller = tokens.resolve(token);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        em.createNamedQuery("UiSession.deleteIdleSince").setParameter("before", now.minus(IDLE)).executeUpdate();
        String cookie = random();
        String csrf = random();
        em.persist(new UiSession(ApiTokens.hash(cookie), ApiTokens.hash(token), csrf, now, userAgent));
        return Optional.of(new Started(cookie, new SignedIn(caller.get(), csrf)));
    }

    /** The browser behind a cookie, while its sign-in and the token it came from are valid. */
    public Optional<SignedIn> resolve(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        UiSession session = em.find(UiSession.class, ApiTokens.hash(cookie));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiTokens.Caller> caller = tokens.resolveHash(session.tokenHash());
        if (caller.isEmpty() || session.lastUsedAt().isBefore(now.minus(IDLE))) {
            em.remove(session);
            return Optional.empty();
        }
        if (session.lastUsedAt().isBefore(now.minus(TOUCH))) {
            session.used(now);
        }
        return Optional.of(new SignedIn(caller.get(), session.csrf()));
    }

    /** Ends a sign-in; false when there was none. */
    public boolean signOut(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return false;
        }
        UiSession session = em.find(UiSession.class, ApiTokens.hash(cookie));
        if (session == null) {
            return false;
        }
        em.remove(session);
        return true;
    }

    /** Whether a CSRF token sent back matches, compared in constant time. */
    static boolean csrfMatches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
