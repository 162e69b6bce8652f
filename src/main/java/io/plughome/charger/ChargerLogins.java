package io.plughome.charger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login of a charger with a shared secret (OCPP security profiles 1 and 2), with its cost
 * bounded. The stored hash stays a salted 120,000-round PBKDF2, but:
 * <ul>
 * <li>a repeated correct login is cheap: after a charger logged in, an HMAC of what it presented
 * (under a key drawn at start-up, kept in memory only) admits it again without PBKDF2, for as long
 * as its stored hash is the same;</li>
 * <li>the form a charger's password matched in (text, or one of the hexadecimal forms of an
 * AuthorizationKey) is tried first next time, so a correct login costs one PBKDF2, not three;</li>
 * <li>a wrong one costs the guesser, not the server: after {@value #FREE_FAILURES} failures in a
 * row from an address (an IPv6 client's whole /64), further attempts from it are refused with 429
 * and no check at all until a back-off (doubling from 1 s, at most 5 min) has passed;</li>
 * <li>a charger that knows its password is never locked out by someone else's guesses: failures
 * for a charger id are counted and logged, but never refuse that id, so its correct password from
 * any address that is not itself guessing is checked and admitted (also after a restart, when
 * nothing is cached); and the address it last logged in from is not held back by its address's
 * block (a charger behind the same NAT as the guesser), only its password decides;</li>
 * <li>at most {@code PLUGHOME_PASSWORD_CHECKS} (default 1) PBKDF2 checks run at once, so a
 * reconnect storm after a restart is spread out instead of taking every core from OCPP.</li>
 * </ul>
 */
@ApplicationScoped
public class ChargerLogins {

    private static final Logger LOG = Logger.getLogger(ChargerLogins.class.getName());

    static final int FREE_FAILURES = 5;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Failure records older than this (with no new failure) are forgotten. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    /** How a login attempt ended. {@code retryAfter} is set when throttled. */
    /** authenticated: admitted because it presented the charger's shared secret (not for having none). */
    public record Result(Outcome outcome, Duration retryAfter, boolean authenticated) {
        static final Result OPEN = new Result(Outcome.ADMITTED, null, false);
        static final Result AUTHENTICATED = new Result(Outcome.ADMITTED, null, true);
        static final Result REFUSED = new Result(Outcome.REFUSED, null, false);

        Result(Outcome outcome, Duration retryAfter) {
            this(outcome, retryAfter, false);
        }
    }

    public enum Outcome { ADMITTED, REFUSED, THROTTLED }

    @Inject
    ChargerService chargers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "plughome.password.checks", defaultValue = "1")
    int concurrentChecks;

    private final ConcurrentMap<String, Cached> verified = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> matchedForm = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    /** Where each charger last logged in with its password: exempt from that address's block. */
    private final ConcurrentMap<String, String> knownGood = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong pbkdf2Checks = new java.util.concurrent.atomic.AtomicLong();
    private byte[] cacheKey;
    private Semaphore checks;

    private record Cached(String storedHash, byte[] mac) {
    }

    /** Consecutive failures of one address or charger id, and until when it is refused. */
    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    @PostConstruct
    void init() {
        cacheKey = new byte[32];
        new SecureRandom().nextBytes(cacheKey);
        checks = new Semaphore(Math.max(1, concurrentChecks), true);
    }

    /**
     * Whether a charger connecting from {@code address} with these Basic password bytes (null:
     * none presented) may open its connection.
     */
    public Result login(String chargerId, String address, byte[] presented) {
        String stored = chargers.secretHash(chargerId).orElse(null);
        if (stored == null) {
            return Result.OPEN;
        }
        if (presented == null) {
            return Result.REFUSED; // no credentials: a client asks again after the 401 challenge; not a guess
        }
        byte[] mac = mac(presented);
        Cached cached = verified.get(chargerId);
        if (cached != null && cached.storedHash().equals(stored) && MessageDigest.isEqual(cached.mac(), mac)) {
            return Result.AUTHENTICATED;
        }
        Instant now = clock.instant();
        Duration wait = address.equals(knownGood.get(chargerId)) ? null : longestBlock(now, "addr:" + address);
        if (wait != null) {
            return new Result(Outcome.THROTTLED, wait);
        }
        boolean match;
        try {
            if (!checks.tryAcquire(20, TimeUnit.SECONDS)) {
                return new Result(Outcome.THROTTLED, Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.THROTTLED, Duration.ofSeconds(5));
        }
        try {
            match = matches(chargerId, presented, stored);
        } finally {
            checks.release();
        }
        if (match) {
            if (SharedSecrets.weakerThanToday(stored)) {
                upgrade(chargerId, stored, presented);
            }
            verified.put(chargerId, new Cached(stored, mac));
            if (knownGood.size() < MAX_TRACKED || knownGood.containsKey(chargerId)) {
                knownGood.put(chargerId, address);
            }
            failures.remove("addr:" + address);
            failures.remove("id:" + chargerId);
            return Result.AUTHENTICATED;
        }
        failed(now, "addr:" + address);
        failed(now, "id:" + chargerId);
        return Result.REFUSED;
    }

    /** How many PBKDF2 checks were made (for /metrics, and to see the cache work). */
    public long pbkdf2Checks() {
        return pbkdf2Checks.get();
    }

    private boolean matches(String chargerId, byte[] presented, String stored) {
        List<String> forms = SharedSecrets.presentedForms(presented);
        Integer first = matchedForm.get(chargerId);
        if (first != null && first < forms.size() && check(forms.get(first), stored)) {
            return true;
        }
        for (int i = 0; i < forms.size(); i++) {
            if ((first == null || i != first) && check(forms.get(i), stored)) {
                matchedForm.put(chargerId, i);
                return true;
            }
        }
        return false;
    }

    private boolean check(String form, String stored) {
        if (SharedSecrets.slow(stored)) {
            pbkdf2Checks.incrementAndGet();
        }
        return SharedSecrets.matches(form, stored);
    }

    /** Stores the secret again at today's strength, from the form of the password that matched. */
    private void upgrade(String chargerId, String stored, byte[] presented) {
        List<String> forms = SharedSecrets.presentedForms(presented);
        Integer form = matchedForm.get(chargerId);
        String secret = forms.get(form == null || form >= forms.size() ? 0 : form);
        try {
            chargers.rehashSecret(chargerId, stored, SharedSecrets.hash(secret));
            LOG.info(() -> "Charger " + chargerId + "'s shared secret is stored at today's strength now");
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "Could not store charger " + chargerId
                    + "'s secret at today's strength; it stays as it was", e);
        }
    }

    private Duration longestBlock(Instant now, String... keys) {
        Duration longest = null;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil() != null && f.blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, f.blockedUntil());
                longest = longest == null || left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest;
    }

    private void failed(Instant now, String key) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        Failures f = failures.compute(key, (k, old) -> {
            int count = old == null || old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.count() + 1;
            Instant until = count <= FREE_FAILURES ? null : now.plus(backoff(count));
            return new Failures(count, now, until);
        });
        if (f.count() == FREE_FAILURES + 1) {
            LOG.warning(() -> key.startsWith("addr:")
                    ? "Repeated wrong charger passwords from " + key.substring(5) + "; its further attempts wait"
                    : "Repeated wrong passwords for charger " + key.substring(3) + "; its own password still gets in");
        }
    }

    /** 1 s after the first failure past the free ones, doubling, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int failures) {
        int doublings = Math.min(20, Math.max(0, failures - FREE_FAILURES - 1));
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private byte[] mac(byte[] presented) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return hmac.doFinal(presented);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
