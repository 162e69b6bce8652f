package io.plughome.insight;

import io.plughome.platform.OwnerZone;
import io.plughome.session.ChargingSession;
import io.plughome.session.SessionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Use cases of the tariff and of energy over time. */
@ApplicationScoped
@Transactional
public class Insights {

    private static final Logger LOG = Logger.getLogger(Insights.class.getName());

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    OwnerZone owner;

    @Inject
    Clock clock;

    /** An energy report: the buckets between from and to, in the owner's zone. */
    public record Report(EnergyBuckets.Period period, Instant from, Instant to, ZoneId zone,
            List<EnergyBuckets.Bucket> buckets) {
    }

    public Optional<Tariff> tariff() {
        return Optional.ofNullable(em.find(Tariff.class, Tariff.ID));
    }

    public Tariff setTariff(BigDecimal pricePerKwh, String currency) {
        Tariff tariff = em.find(Tariff.class, Tariff.ID);
        if (tariff == null) {
            tariff = new Tariff(pricePerKwh, currency, clock.instant());
            em.persist(tariff);
        } else {
            tariff.change(pricePerKwh, currency, clock.instant());
        }
        return tariff;
    }

    /** Removes the tariff; false when there was none. Sessions keep the prices they started with. */
    public boolean clearTariff() {
        Tariff tariff = em.find(Tariff.class, Tariff.ID);
        if (tariff == null) {
            return false;
        }
        em.remove(tariff);
        return true;
    }

    /** A starting session keeps the price in force now (in the same transaction as its start). */
    void priceStartingSession(@Observes SessionEvents.Started started) {
        try {
            Tariff tariff = em.find(Tariff.class, Tariff.ID);
            ChargingSession session = em.find(ChargingSession.class, started.sessionId());
            if (tariff != null && session != null) {
                session.priceAt(tariff.pricePerKwh(), tariff.currency());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not price session " + started.sessionId(), e);
        }
    }

    /**
     * A session's estimated cost: its energy at the price in force when it started, or at the
     * current price when it started before any tariff was set; null when there is no price.
     */
    public static BigDecimal costEstimate(ChargingSession s, Tariff current) {
        BigDecimal price = s.tariffPricePerKwh() != null ? s.tariffPricePerKwh()
                : current == null ? null : current.pricePerKwh();
        return Costs.round(Costs.exact(s.energyWh(), price), currency(s, current));
    }

    /** The currency of a session's cost estimate. */
    public static String currency(ChargingSession s, Tariff current) {
        if (s.tariffPricePerKwh() != null) {
            return s.tariffCurrency();
        }
        return current == null ? null : current.currency();
    }

    /**
     * Energy and cost per period between from and to (null: the last {@link EnergyBuckets.Period#defaultCount()}
     * periods up to now), for one charger or all (chargerId null).
     */
    public Report energy(EnergyBuckets.Period period, Instant from, Instant to, String chargerId) {
        ZoneId zone = owner.zone();
        Instant end = to != null ? to : EnergyBuckets.endOfBucket(period, clock.instant(), zone);
        Instant start = from != null ? from : EnergyBuckets.startOfLast(period, period.defaultCount(), end, zone);
        List<ZonedDateTime> edges = EnergyBuckets.edges(period, start, end, zone);
        Instant first = edges.get(0).toInstant();
        Instant last = edges.get(edges.size() - 1).toInstant();
        TypedQuery<ChargingSession> q = em.createQuery("SELECT s FROM ChargingSession s WHERE s.startedAt >= :from"
                + " AND s.startedAt < :to" + (chargerId == null ? "" : " AND s.chargerId = :chargerId"),
                ChargingSession.class).setParameter("from", first).setParameter("to", last);
        if (chargerId != null) {
            q.setParameter("chargerId", chargerId);
        }
        List<ChargingSession> sessions = q.getResultList();
        Tariff tariff = tariff().orElse(null);
        String currency = tariff != null ? tariff.currency() : sessions.stream().map(ChargingSession::tariffCurrency)
                .filter(c -> c != null).findFirst().orElse(null);
        List<EnergyBuckets.Usage> usages = sessions.stream()
                .map(s -> new EnergyBuckets.Usage(s.startedAt(), s.energyWh(), s.tariffPricePerKwh())).toList();
        List<EnergyBuckets.Bucket> buckets = EnergyBuckets.of(edges, usages,
                tariff == null ? null : tariff.pricePerKwh(), currency);
        return new Report(period, first, last, zone, buckets);
    }
}
