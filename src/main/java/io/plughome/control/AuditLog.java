package io.plughome.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log of control and configuration actions: written once, read with filters. */
@ApplicationScoped
@Transactional
public class AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records an action; {@code request} is written as JSON (records and maps as objects), with
     * link tokens and URL passwords masked ({@link Redaction}), as is the detail.
     */
    public AuditEntry record(Actor actor, String chargerId, String action, Object request, Outcome outcome,
            String detail, Long durationMs) {
        AuditEntry entry = new AuditEntry(clock.instant(), actor, chargerId, action,
                request == null ? null : masked(request instanceof String s ? s : JSON.toJson(request)), outcome,
                Redaction.text(detail), durationMs);
        em.persist(entry);
        return entry;
    }

    /** A request's JSON text with its secrets masked (a text that is not JSON is masked as text). */
    public static String masked(String request) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(request))) {
            return Redaction.json(reader.readValue()).toString();
        } catch (jakarta.json.JsonException e) {
            return Redaction.text(request);
        }
    }

    /** A page of entries, newest first. */
    public List<AuditEntry> search(AuditQuery query) {
        TypedQuery<AuditEntry> q = em.createQuery("SELECT a FROM AuditEntry a" + where(query)
                + " ORDER BY a.at DESC, a.id DESC", AuditEntry.class);
        bind(q, query);
        return q.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    public long count(AuditQuery query) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    private static Map<String, Object> filters(AuditQuery query) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("chargerId", query.chargerId());
        filters.put("action", query.action());
        filters.put("actor", query.actor());
        filters.put("outcome", query.outcome() == null ? null : query.outcome().wire());
        filters.values().removeIf(java.util.Objects::isNull);
        return filters;
    }

    private static String where(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        filters(query).keySet().forEach(name -> where.append(" AND a.").append(name).append(" = :").append(name));
        if (query.from() != null) {
            where.append(" AND a.at >= :from");
        }
        if (query.to() != null) {
            where.append(" AND a.at < :to");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> q, AuditQuery query) {
        filters(query).forEach(q::setParameter);
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to());
        }
    }
}
