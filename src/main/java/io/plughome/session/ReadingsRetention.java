package io.plughome.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps meter readings from growing without end: raw for {@code PLUGHOME_READINGS_RAW_DAYS} days
 * (default 31; 0 keeps everything raw), then thinned to the last reading of each measurand (per
 * phase and location) per session per 15 minutes. Start and end readings of a transaction are
 * always kept. Energy per period and costs come from the sessions' own registers, so thinning
 * changes neither; a session's power curve keeps one point per 15 minutes, each exact (the
 * register's difference over 15 minutes is the mean power).
 *
 * <p>Work goes a day at a time and a charger at a time (on the charger and time index), each in a
 * transaction of its own; {@link RetentionMark} remembers the last day done, so every day is
 * thinned once and a server that was off catches up.
 */
@ApplicationScoped
public class ReadingsRetention {

    private static final Logger LOG = Logger.getLogger(ReadingsRetention.class.getName());

    static final String MARK = "meter_sample";
    static final int SLOT_SECONDS = 15 * 60;

    /**
     * The readings of one charger and period that thinning removes: all but the newest of each kind
     * per slot (the slot in whole seconds: a decimal division per row was most of the work).
     * Selected first and removed by id: a DELETE with this as an IN subquery took minutes on H2 for
     * a day's readings.
     */
    static final String SURPLUS = "SELECT id FROM (SELECT id, ROW_NUMBER() OVER ("
            + "PARTITION BY connector_id, COALESCE(session_id, -1), measurand, COALESCE(phase, ''),"
            + " COALESCE(location, ''), CAST(FLOOR(EXTRACT(EPOCH FROM sampled_at)) AS BIGINT) / " + SLOT_SECONDS
            + " ORDER BY sampled_at DESC, id DESC) AS n FROM meter_sample"
            + " WHERE charger_id = ? AND sampled_at >= ? AND sampled_at < ?"
            + " AND (context IS NULL OR context NOT IN ('Transaction.Begin', 'Transaction.End'))) ranked"
            + " WHERE n > 1";

    /** Ids removed per statement. */
    static final int DELETE_CHUNK = 1000;

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "plughome.readings.raw.days", defaultValue = "31")
    int rawDays;

    /** This bean through its interceptors, so each step has its own transaction. */
    @Inject
    ReadingsRetention steps;

    /** Readings before this are thinned: the start of the UTC day {@code rawDays} ago; empty when all are kept raw. */
    public Optional<Instant> cutoff() {
        if (rawDays <= 0) {
            return Optional.empty();
        }
        return Optional.of(clock.instant().minus(Duration.ofDays(rawDays)).truncatedTo(ChronoUnit.DAYS));
    }

    /** Thins every day before the cut-off not thinned yet; the number of readings removed. */
    public long thinDue() {
        Optional<Instant> cutoff = cutoff();
        return cutoff.map(this::thinBefore).orElse(0L);
    }

    /** Thins every day before {@code cutoff} not thinned yet, a charger-day per transaction. */
    public long thinBefore(Instant cutoff) {
        long removed = 0;
        int days = 0;
        for (Optional<Instant> day = steps.pendingDay(cutoff); day.isPresent(); day = steps.pendingDay(cutoff)) {
            for (String chargerId : steps.chargerIds()) {
                removed += steps.thin(chargerId, day.get(), day.get().plus(Duration.ofDays(1)));
            }
            steps.dayDone(day.get());
            days++;
        }
        if (days > 0) {
            long total = removed;
            int count = days;
            LOG.info(() -> "Thinned meter readings of " + count + " day(s) before " + cutoff + ": " + total
                    + " removed, one per measurand per session per 15 minutes kept");
        }
        return removed;
    }

    /** The next UTC day to thin (the one after the last done, or the oldest reading's), if before the cut-off. */
    @Transactional
    public Optional<Instant> pendingDay(Instant cutoff) {
        RetentionMark mark = em.find(RetentionMark.class, MARK);
        Instant next;
        if (mark != null) {
            next = mark.doneUntil();
        } else {
            // once, on the first run (MIN() would bypass the column's converter on PostgreSQL)
            List<Instant> oldest = em.createQuery("SELECT m.sampledAt FROM MeterSample m ORDER BY m.sampledAt",
                    Instant.class).setMaxResults(1).getResultList();
            if (oldest.isEmpty()) {
                return Optional.empty();
            }
            next = oldest.get(0).truncatedTo(ChronoUnit.DAYS);
        }
        return next.isBefore(cutoff) ? Optional.of(next) : Optional.empty();
    }

    @Transactional
    public List<String> chargerIds() {
        return em.createQuery("SELECT c.id FROM Charger c ORDER BY c.id", String.class).getResultList();
    }

    /** Thins one charger's readings in [from, to); the number removed. */
    @Transactional
    public int thin(String chargerId, Instant from, Instant to) {
        List<?> surplus = em.createNativeQuery(SURPLUS).setParameter(1, chargerId)
                .setParameter(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).getResultList();
        List<Long> ids = surplus.stream().map(id -> ((Number) id).longValue()).toList();
        int removed = 0;
        for (int i = 0; i < ids.size(); i += DELETE_CHUNK) {
            removed += em.createQuery("DELETE FROM MeterSample m WHERE m.id IN :ids")
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + DELETE_CHUNK))).executeUpdate();
        }
        return removed;
    }

    /** Notes that the day starting at {@code day} is thinned. */
    @Transactional
    public void dayDone(Instant day) {
        Instant until = day.plus(Duration.ofDays(1));
        RetentionMark mark = em.find(RetentionMark.class, MARK);
        if (mark == null) {
            em.persist(new RetentionMark(MARK, until));
        } else if (until.isAfter(mark.doneUntil())) {
            mark.doneUntil(until);
        }
    }
}
