package io.plughome.charger;

import io.plughome.platform.DomainEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/** Use cases of a charger's life: connecting, booting, reporting status, being looked at. */
@ApplicationScoped
@Transactional
public class ChargerService {

    private static final Logger LOG = Logger.getLogger(ChargerService.class.getName());

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    RegistrationConfig config;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Chargers known to be accepted: every frame asks, so the answer is kept once it is yes (a
     * database read per frame was a twelfth of the CPU at 10,000 chargers); a registration change
     * or removal forgets it. Only yes is kept: a charger waiting for approval is read each time.
     */
    private final Set<String> acceptedSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong registrationChanges = new AtomicLong();

    @Inject
    Clock clock;

    @Inject
    Event<DomainEvent> events;

    /** What the server answers a boot with. */
    public record BootDecision(Registration registration, Instant currentTime, int heartbeatInterval) {
    }

    /** A charger opened a connection: register it if it is new (by the configured policy). */
    public Charger connected(String chargerId, String protocol) {
        Instant now = clock.instant();
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            charger = new Charger(chargerId, config.forNewCharger(), now);
            em.persist(charger);
            LOG.info("New charger " + chargerId + " registered as " + charger.registration());
        }
        charger.seen(now, protocol);
        return charger;
    }

    public BootDecision booted(String chargerId, BootInfo info) {
        Instant now = clock.instant();
        Charger charger = find(chargerId);
        charger.booted(info, now);
        charger.seen(now, null);
        return new BootDecision(charger.registration(), now, config.heartbeatInterval());
    }

    /**
     * Whether the charger is accepted (may send more than boot and heartbeat). Writes nothing: when
     * a connected charger was last heard is kept by its connection and written in bulk by
     * {@link #lastHeard(Map)}, not on every frame.
     */
    public boolean accepted(String chargerId) {
        if (acceptedSeen.contains(chargerId)) {
            return true;
        }
        long changesBefore = registrationChanges.get();
        Charger charger = em.find(Charger.class, chargerId);
        boolean accepted = charger != null && charger.registration() == Registration.ACCEPTED;
        if (accepted) {
            acceptedSeen.add(chargerId);
            // A registration that changed meanwhile may have been read before its commit: not kept.
            // (forgetAccepted counts before it removes, so one of the two always removes it.)
            if (registrationChanges.get() != changesBefore) {
                acceptedSeen.remove(chargerId);
            }
        }
        return accepted;
    }

    /**
     * A registration may change in this transaction: the charger is forgotten as accepted now and
     * again once the transaction ended, so no frame read before the commit keeps the old answer.
     */
    private void registrationMayChange(String chargerId) {
        forgetAccepted(chargerId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forgetAccepted(chargerId);
            }
        });
    }

    private void forgetAccepted(String chargerId) {
        registrationChanges.incrementAndGet();
        acceptedSeen.remove(chargerId);
    }

    /**
     * Stores when chargers were last heard, each only where it is later than what is stored (one
     * statement per charger, no read). The connections keep the exact time; this write-back lets
     * {@code lastSeen} survive a restart, to within one presence sweep.
     */
    public void lastHeard(Map<String, Instant> heard) {
        heard.forEach((chargerId, at) -> em.createNamedQuery("Charger.updateLastSeen")
                .setParameter("id", chargerId).setParameter("at", at).executeUpdate());
    }

    public void statusReported(String chargerId, ConnectorStatus report) {
        Connector connector = em.find(Connector.class, new Connector.Key(chargerId, report.connectorId()));
        if (connector == null) {
            connector = new Connector(chargerId, report.connectorId());
            em.persist(connector);
        }
        if (connector.report(report)) {
            events.fire(new ChargerEvents.Status(chargerId, report.at(), report.connectorId(), connector.status(),
                    connector.errorCode(), report.info()));
            if (report.state() == ConnectorState.Faulted || report.fault() != null && report.fault().isFault()) {
                events.fire(new ChargerEvents.Fault(chargerId, report.at(), report.connectorId(), connector.errorCode(),
                        report.info(), report.vendorErrorCode()));
            }
        }
    }

    /**
     * The number clients address a connector of an EVSE by (2.0.1 reports connectors within
     * EVSEs): the number it already has; for a new one the EVSE's own number when that is free
     * (the usual one connector per EVSE), the next free number otherwise. EVSE 0 is the charger.
     */
    public int connectorNumber(String chargerId, int evseId, Integer evseConnectorId) {
        if (evseId == 0) {
            return 0;
        }
        List<Connector> all = connectors(chargerId);
        for (Connector c : all) {
            if (c.evseId() != null && c.evseId() == evseId && (evseConnectorId == null
                    || c.evseConnectorId() == null || evseConnectorId.equals(c.evseConnectorId()))) {
                return c.connectorId();
            }
        }
        boolean taken = all.stream().anyMatch(c -> c.connectorId() == evseId);
        return taken ? all.stream().mapToInt(Connector::connectorId).max().orElse(0) + 1 : evseId;
    }

    /** A connector by the number clients address it by. */
    public Optional<Connector> connector(String chargerId, int connectorId) {
        return Optional.ofNullable(em.find(Connector.class, new Connector.Key(chargerId, connectorId)));
    }

    public void diagnosticsStatus(String chargerId, String status) {
        find(chargerId).diagnosticsStatus(status, clock.instant());
    }

    public void firmwareStatus(String chargerId, String status) {
        find(chargerId).firmwareStatus(status, clock.instant());
    }

    /** Counts the deviations from the specification that one message from this charger had. */
    public void deviated(String chargerId, Map<String, String> deviations) {
        Instant now = clock.instant();
        deviations.forEach((kind, example) -> {
            ChargerDeviation deviation = em.find(ChargerDeviation.class, new ChargerDeviation.Key(chargerId, kind));
            if (deviation == null) {
                deviation = new ChargerDeviation(chargerId, kind);
                em.persist(deviation);
            }
            deviation.occurred(example, now);
        });
    }

    /** What an admin may change about a charger; null fields are left as they are. */
    public record Changes(String name, boolean nameGiven, String sharedSecret, boolean secretGiven,
            Registration registration) {
    }

    /** Applies an admin's changes; the previous registration is returned with the charger. */
    public Optional<Registration> update(String chargerId, Changes changes) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            return Optional.empty();
        }
        Registration before = charger.registration();
        if (changes.nameGiven()) {
            charger.rename(changes.name());
        }
        if (changes.secretGiven()) {
            charger.sharedSecret(changes.sharedSecret());
        }
        if (changes.registration() != null) {
            registrationMayChange(chargerId);
            charger.register(changes.registration());
        }
        return Optional.of(before);
    }

    /**
     * Gives the charger a new secret drawn by PlugHome (about 190 bits) and returns it, the only
     * time it is seen: it replaces any secret the charger had. Empty for an unknown charger.
     */
    public Optional<String> generateSecret(String chargerId) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            return Optional.empty();
        }
        String secret = SharedSecrets.generate();
        charger.generatedSecret(secret);
        em.flush();
        return Optional.of(secret);
    }

    /** Stores a stronger hash of a charger's secret, unless the secret changed since {@code before} was read. */
    public void rehashSecret(String chargerId, String before, String stronger) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger != null && before.equals(charger.sharedSecretHash())) {
            charger.rehashedSecret(stronger);
        }
    }

    /** The stored hash of a charger's shared secret; empty for an unknown charger or one without a secret. */
    public Optional<String> secretHash(String chargerId) {
        Charger charger = em.find(Charger.class, chargerId);
        return charger == null ? Optional.empty() : Optional.ofNullable(charger.sharedSecretHash());
    }

    /**
     * Forgets a charger: its record and, by the schema's cascades, its connectors, sessions, rules,
     * windows, files and device model; its readings (which have no foreign key, so that storing one
     * enters a single index, db/V14) go with the {@code Removed} event, in the same transaction. The
     * audit log keeps its entries. False when there is no such charger.
     */
    public boolean remove(String chargerId) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            return false;
        }
        registrationMayChange(chargerId);
        em.remove(charger);
        em.flush();
        events.fire(new ChargerEvents.Removed(chargerId, clock.instant()));
        LOG.info("Charger " + chargerId + " removed");
        return true;
    }

    public Optional<Charger> byId(String chargerId) {
        return Optional.ofNullable(em.find(Charger.class, chargerId));
    }

    /** The ids of every accepted charger, in one query (for whoever looks at all of them at once). */
    public Set<String> acceptedIds() {
        return new HashSet<>(em.createNamedQuery("Charger.idsByRegistration", String.class)
                .setParameter("registration", Registration.ACCEPTED).getResultList());
    }

    public List<Charger> all(int offset, int limit) {
        return em.createNamedQuery("Charger.findAll", Charger.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createNamedQuery("Charger.count", Long.class).getSingleResult();
    }

    public List<Connector> connectors(String chargerId) {
        return em.createNamedQuery("Connector.findByCharger", Connector.class)
                .setParameter("chargerId", chargerId).getResultList();
    }

    public List<ChargerDeviation> deviations(String chargerId) {
        return em.createNamedQuery("ChargerDeviation.findByCharger", ChargerDeviation.class)
                .setParameter("chargerId", chargerId).getResultList();
    }

    private Charger find(String chargerId) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            throw new IllegalStateException("Charger " + chargerId + " is not registered");
        }
        return charger;
    }
}
