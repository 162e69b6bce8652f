package io.plughome.session;

import io.plughome.authorization.IdToken;
import io.plughome.charger.ChargerEvents;
import io.plughome.platform.DomainEvent;
import io.plughome.platform.Timestamps;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use cases of a charging session. Every method runs in a transaction that commits before it
 * returns (reads too: Liberty needs one for JPA on WebSocket threads), so the protocol
 * edge answers a charger only after what it reported is on disk.
 */
@ApplicationScoped
@Transactional
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<DomainEvent> events;

    @Inject
    NewestReadings newestReadings;

    /** The outcome of a report that refers to a transaction: the session, and whether the id matched. */
    public record Outcome(ChargingSession session, boolean transactionMatched) {
    }

    /**
     * The start of a transaction as a charger reported it. {@code transactionId} is the
     * charger's own (2.0.1) or null, when the server draws it (1.6: the digits of the session's
     * number). {@code authorizationStatus} is what the charger is told of the token (Accepted,
     * Blocked, Expired, Invalid).
     */
    public record Start(String chargerId, int connectorId, Integer evseId, IdToken idToken, Long meterStartWh,
            Integer reservationId, Instant chargerTime, String authorizationStatus, String transactionId) {
    }

    /**
     * A charger started a transaction. A repeated start (the charger did not get our answer and
     * sent it again) returns the session already recorded.
     */
    public ChargingSession started(Start start) {
        Instant now = clock.instant();
        String chargerId = start.chargerId();
        int connectorId = start.connectorId();
        Instant startedAt = Timestamps.chargerOrServer(start.chargerTime(), now);
        if (start.transactionId() != null) {
            Optional<ChargingSession> known = byTransaction(chargerId, start.transactionId());
            if (known.isPresent()) {
                // sent again, or a start that arrives after later reports of the transaction
                known.get().startedAt(Timestamps.chargerOrServer(start.chargerTime(), now), start.meterStartWh());
                if (known.get().idTag() == null && start.idToken() != null) {
                    known.get().identify(start.idToken());
                    known.get().authorized(start.authorizationStatus());
                }
                return known.get();
            }
        } else if (Timestamps.plausible(start.chargerTime(), now) && start.meterStartWh() != null) {
            // no setMaxResults: EclipseLink prepares such a query anew on every call (6 % of the CPU
            // while 5,000 chargers connected)
            Optional<ChargingSession> repeated = em.createNamedQuery("ChargingSession.findSameStart", ChargingSession.class)
                    .setParameter("chargerId", chargerId).setParameter("connectorId", connectorId)
                    .setParameter("startedAt", startedAt).setParameter("meterStartWh", start.meterStartWh())
                    .getResultStream().findFirst();
            if (repeated.isPresent()) {
                return repeated.get();
            }
        }
        for (ChargingSession open : openOn(chargerId, connectorId)) {
            // The charger lost the stop of an earlier session on this connector: close it at the
            // last reading it sent rather than leave it open forever.
            LOG.warning("Session " + open.id() + " on " + chargerId + "/" + connectorId
                    + " was never stopped; closing it as a new one starts");
            open.stop(open.lastRegisterWh(), startedAt, StopReason.Other, null);
            events.fire(SessionEvents.stopped(open));
        }
        ChargingSession session = new ChargingSession(chargerId, connectorId, start.evseId(), start.idToken(),
                start.meterStartWh(), start.reservationId(), startedAt, false, now);
        session.authorized(start.authorizationStatus());
        if (start.transactionId() != null) {
            session.assignTransactionId(start.transactionId());
            em.persist(session);
        } else {
            em.persist(session); // a sequence id is drawn here, before the insert
            session.assignTransactionId(Long.toString(session.id()));
        }
        events.fire(SessionEvents.started(session));
        return session;
    }

    /**
     * Meter values for a connector, with or without a transaction. Every reading is stored once:
     * a message the charger sends again (it did not get our answer, or it replays its queue after
     * being offline) adds nothing. Readings without a transaction id go to the connector's session
     * that was open at their time, so a late burst lands where it belongs, not in a newer session.
     */
    public Outcome meterValues(String chargerId, int connectorId, String transactionId, List<MeterReading> readings) {
        ChargingSession session = null;
        boolean matched = true;
        if (transactionId != null) {
            session = byServerTransaction(chargerId, transactionId).orElse(null);
            matched = session != null;
        }
        if (session == null) {
            Instant at = readings.stream().map(MeterReading::at).filter(t -> t != null).min(Comparator.naturalOrder())
                    .orElse(null);
            session = coveringOn(chargerId, connectorId, at)
                    .orElseGet(() -> openOn(chargerId, connectorId).stream().findFirst().orElse(null));
        }
        record(chargerId, connectorId, session, readings);
        return new Outcome(session, matched);
    }

    /**
     * Meter values of a session the caller holds already (2.0.1 TransactionEvent, which found it
     * by its transaction id): stored once each, the session's live values updated.
     */
    public void meterValues(ChargingSession session, List<MeterReading> readings) {
        record(session.chargerId(), session.connectorId(), session, readings);
    }

    private void record(String chargerId, int connectorId, ChargingSession session, List<MeterReading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        List<MeterReading> fresh = notStoredYet(chargerId, connectorId, readings);
        store(chargerId, connectorId, session, fresh);
        if (session != null && session.isActive() && !fresh.isEmpty()) {
            session.observe(MeterSnapshot.latest(fresh));
            events.fire(SessionEvents.meter(session, clock.instant()));
        }
    }

    /**
     * Stores readings, of a session or of none; a session's span of readings widens to take them in
     * (its readings are found on the charger's index within it, db/V14).
     */
    private void store(String chargerId, int connectorId, ChargingSession session, List<MeterReading> fresh) {
        Long sessionId = session == null ? null : session.id();
        for (MeterReading reading : fresh) {
            em.persist(new MeterSample(chargerId, connectorId, sessionId, reading));
        }
        if (session != null && !fresh.isEmpty()) {
            List<Instant> times = fresh.stream().map(MeterReading::at).filter(t -> t != null).toList();
            session.readingsStoredAt(times.stream().min(Comparator.naturalOrder()).orElse(null),
                    times.stream().max(Comparator.naturalOrder()).orElse(null));
        }
        newestReadings.stored(chargerId, connectorId, fresh);
    }

    /**
     * The readings of a message that are not stored yet: all of them when they are newer than any
     * stored ({@link NewestReadings}), otherwise one query on the charger's time index.
     */
    private List<MeterReading> notStoredYet(String chargerId, int connectorId, List<MeterReading> readings) {
        if (newestReadings.allNewer(chargerId, connectorId, readings)) {
            return readings;
        }
        List<Instant> times = readings.stream().map(MeterReading::at).distinct().toList();
        if (times.isEmpty()) {
            return readings;
        }
        List<MeterSample> stored = em.createNamedQuery("MeterSample.findAt", MeterSample.class)
                .setParameter("chargerId", chargerId).setParameter("connectorId", connectorId)
                .setParameter("at", times).getResultList();
        if (stored.isEmpty()) {
            return readings;
        }
        return readings.stream().filter(r -> stored.stream().noneMatch(m -> m.isReading(r))).toList();
    }

    /** The session on a connector that was open at {@code at}: started by then, not stopped before. */
    private Optional<ChargingSession> coveringOn(String chargerId, int connectorId, Instant at) {
        if (at == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("ChargingSession.findCovering", ChargingSession.class)
                .setParameter("chargerId", chargerId).setParameter("connectorId", connectorId).setParameter("at", at)
                .getResultStream().findFirst();
    }

    /**
     * The end of a transaction as a charger reported it. {@code meterStopWh} null means the
     * latest register reading (2.0.1 may end a transaction without one). {@code idMayBeLost}:
     * the id is one chargers send when they lost the real one (1.6 ids 0 or beyond 32 bits), so
     * an unknown id stops the charger's open session instead.
     */
    public record Stop(String chargerId, String transactionId, boolean idMayBeLost, Long meterStopWh,
            Instant chargerTime, StopReason reason, String idTag, List<MeterReading> transactionData,
            Integer connectorId) {

        /** A stop whose connector the charger does not say (1.6). */
        public Stop(String chargerId, String transactionId, boolean idMayBeLost, Long meterStopWh, Instant chargerTime,
                StopReason reason, String idTag, List<MeterReading> transactionData) {
            this(chargerId, transactionId, idMayBeLost, meterStopWh, chargerTime, reason, idTag, transactionData, null);
        }
    }

    /** Notes the sequence number of a transaction's message (2.0.1 seqNo) and says where it falls. */
    public ChargingSession.Sequence sequenced(String chargerId, String transactionId, int seqNo) {
        return byTransaction(chargerId, transactionId).map(s -> sequenced(s, seqNo))
                .orElse(ChargingSession.Sequence.NEXT);
    }

    /** The same, for a session the caller holds. */
    public ChargingSession.Sequence sequenced(ChargingSession session, int seqNo) {
        return em.contains(session) ? session.sequence(seqNo) : em.merge(session).sequence(seqNo);
    }

    /**
     * The driver's token of a running transaction became known (2.0.1 may send it after the
     * start), with what the charger was told of it.
     */
    public Optional<ChargingSession> identified(String chargerId, String transactionId, IdToken token,
            String authorizationStatus) {
        Optional<ChargingSession> session = byTransaction(chargerId, transactionId);
        session.filter(s -> s.idTag() == null || !s.idTag().equalsIgnoreCase(token.value())).ifPresent(s -> {
            s.identify(token);
            s.authorized(authorizationStatus);
        });
        return session;
    }

    /**
     * A charger stopped a transaction. A stop for a transaction this server never saw (started
     * while it was unreachable) is recorded as a session of its own, from its transaction data.
     */
    public Outcome stopped(Stop stop) {
        Instant now = clock.instant();
        String chargerId = stop.chargerId();
        Instant stoppedAt = Timestamps.chargerOrServer(stop.chargerTime(), now);
        Optional<ChargingSession> known = byTransaction(chargerId, stop.transactionId());
        boolean matched = known.isPresent();
        if (known.isEmpty() && stop.idMayBeLost()) {
            known = openByCharger(chargerId).stream().findFirst();
        }
        ChargingSession session;
        if (known.isPresent()) {
            session = known.get();
            if (!session.isActive()) {
                return new Outcome(session, matched); // a repeated stop: already recorded
            }
        } else {
            session = unseen(chargerId, stop.connectorId() == null ? 0 : stop.connectorId(), stop.transactionId(),
                    stop.transactionData(), stoppedAt, now);
        }
        List<MeterReading> fresh = notStoredYet(chargerId, session.connectorId(), stop.transactionData());
        store(chargerId, session.connectorId(), session, fresh);
        session.observe(MeterSnapshot.latest(fresh));
        Long meterStop = stop.meterStopWh() != null ? stop.meterStopWh() : session.lastRegisterWh();
        session.stop(meterStop, stoppedAt, stop.reason() == null ? StopReason.Local : stop.reason(), stop.idTag());
        events.fire(SessionEvents.stopped(session));
        return new Outcome(session, matched);
    }

    private ChargingSession unseen(String chargerId, int connectorId, String transactionId, List<MeterReading> data,
            Instant stoppedAt, Instant now) {
        List<MeterSnapshot> snapshots = MeterSnapshot.of(data);
        MeterSnapshot first = snapshots.stream().filter(s -> s.registerWh() != null).findFirst().orElse(null);
        Instant startedAt = data.stream().map(MeterReading::at)
                .filter(at -> Timestamps.plausible(at, now)).min(Comparator.naturalOrder()).orElse(stoppedAt);
        ChargingSession session = new ChargingSession(chargerId, connectorId, connectorId, null,
                first == null ? null : first.registerWh(), null, startedAt, true, now);
        session.assignTransactionId(transactionId);
        em.persist(session);
        LOG.info("Recorded a stop for transaction " + transactionId + " on " + chargerId
                + " that this server never saw start, as session " + session.id());
        return session;
    }

    public Optional<ChargingSession> byId(long id) {
        return Optional.ofNullable(em.find(ChargingSession.class, id));
    }

    public Optional<ChargingSession> activeOn(String chargerId) {
        return openByCharger(chargerId).stream().findFirst();
    }

    /** Every session still open on the charger (one per connector at most, unless a stop was lost). */
    public List<ChargingSession> allActiveOn(String chargerId) {
        return openByCharger(chargerId);
    }

    /** How many sessions are open on each charger (chargers without one are left out). */
    public Map<String, Integer> openCountsByCharger() {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery("ChargingSession.countOpenByCharger", Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** All the energy a charger delivered: its stopped sessions plus the live energy of open ones. */
    public long totalEnergyWh(String chargerId) {
        Number stopped = em.createNamedQuery("ChargingSession.stoppedEnergyOfCharger", Number.class)
                .setParameter("chargerId", chargerId).getSingleResult();
        long total = stopped == null ? 0 : stopped.longValue();
        for (ChargingSession open : openByCharger(chargerId)) {
            Long energy = open.energyWh();
            total += energy == null ? 0 : energy;
        }
        return total;
    }

    /**
     * A removed charger's readings go in the transaction that removes it: they have no foreign key
     * to cascade from (db/V14).
     */
    void chargerRemoved(@Observes ChargerEvents.Removed removed) {
        em.createQuery("DELETE FROM MeterSample m WHERE m.chargerId = :chargerId")
                .setParameter("chargerId", removed.chargerId()).executeUpdate();
    }

    /** A session's stored readings, oldest first: on the charger's reading index, within the session's span. */
    public List<MeterSample> samples(long sessionId) {
        ChargingSession session = em.find(ChargingSession.class, sessionId);
        if (session == null || session.firstReadingAt() == null) {
            return List.of();
        }
        return em.createNamedQuery("MeterSample.findBySession", MeterSample.class)
                .setParameter("chargerId", session.chargerId()).setParameter("sessionId", sessionId)
                .setParameter("from", session.firstReadingAt()).setParameter("to", session.lastReadingAt())
                .getResultList();
    }

    /** A page of history, newest first. */
    public List<ChargingSession> search(SessionQuery query) {
        TypedQuery<ChargingSession> q = em.createQuery("SELECT s FROM ChargingSession s" + where(query)
                + " ORDER BY s.startedAt DESC, s.id DESC", ChargingSession.class);
        bind(q, query);
        return q.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    public long count(SessionQuery query) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(s) FROM ChargingSession s" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    private static String where(SessionQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.chargerId() != null) {
            where.append(" AND s.chargerId = :chargerId");
        }
        if (query.from() != null) {
            where.append(" AND s.startedAt >= :from");
        }
        if (query.to() != null) {
            where.append(" AND s.startedAt < :to");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> q, SessionQuery query) {
        if (query.chargerId() != null) {
            q.setParameter("chargerId", query.chargerId());
        }
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to());
        }
    }

    /** The session of a transaction id on a charger (the newest, should a charger reuse ids). */
    public Optional<ChargingSession> byTransaction(String chargerId, String transactionId) {
        return em.createNamedQuery("ChargingSession.findByTransaction", ChargingSession.class)
                .setParameter("chargerId", chargerId).setParameter("transactionId", transactionId)
                .getResultStream().findFirst(); // no setMaxResults: EclipseLink prepares such a query anew each time
    }

    /**
     * The session of a transaction id the server drew (1.6: the digits of the session's number),
     * found by its key when it is that charger's with that id (no query to prepare and run, for
     * every meter reading frame), else as {@link #byTransaction} finds any other.
     */
    Optional<ChargingSession> byServerTransaction(String chargerId, String transactionId) {
        if (!transactionId.isEmpty() && transactionId.length() < 19 && transactionId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            ChargingSession drawn = em.find(ChargingSession.class, Long.parseLong(transactionId));
            if (drawn != null && drawn.chargerId().equals(chargerId) && transactionId.equals(drawn.transactionId())) {
                return Optional.of(drawn);
            }
        }
        return byTransaction(chargerId, transactionId);
    }

    private List<ChargingSession> openOn(String chargerId, int connectorId) {
        return em.createNamedQuery("ChargingSession.findOpenByConnector", ChargingSession.class)
                .setParameter("chargerId", chargerId).setParameter("connectorId", connectorId).getResultList();
    }

    private List<ChargingSession> openByCharger(String chargerId) {
        return em.createNamedQuery("ChargingSession.findOpenByCharger", ChargingSession.class)
                .setParameter("chargerId", chargerId).getResultList();
    }
}
