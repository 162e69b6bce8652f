package io.plughome.authorization;

import io.plughome.control.Command.SendLocalList.ListEntry;
import io.plughome.control.ControlConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's idTags, and the answer a charger gets for an idTag: with
 * {@code PLUGHOME_AUTHORIZATION=accept-all} every idTag is Accepted; with {@code list} the
 * answer comes from the idTags (an unknown one is Invalid, an accepted one past its expiry
 * Expired), except that PlugHome's own remote-start idTag ({@code PLUGHOME_REMOTE_ID_TAG}) is
 * accepted unless listed. Every change is a new version of the local authorization list.
 */
@ApplicationScoped
@Transactional
public class IdTags {

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuthorizationConfig config;

    @Inject
    ControlConfig control;

    @Inject
    Event<IdTagsChanged> changed;

    /** What the owner sets for an idTag. */
    public record Changes(String name, IdTagStatus status, Instant expiryDate, String parentIdTag, String tokenType) {
    }

    /** The idTag as stored, and whether this put created it. */
    public record Saved(IdTag tag, boolean created) {
    }

    /** The answer for an idTag presented at a charger now. */
    public Verdict verdict(String idTag) {
        if (!config.listMode()) {
            return Verdict.accepted();
        }
        if (idTag == null || idTag.isEmpty()) {
            return new Verdict(IdTagStatus.Invalid, null, null);
        }
        IdTag known = em.find(IdTag.class, IdTag.key(idTag));
        if (known == null && idTag.equalsIgnoreCase(control.remoteIdTag())) {
            return Verdict.accepted(); // PlugHome's own idTag of remote starts, unless the owner listed it otherwise
        }
        return known == null ? new Verdict(IdTagStatus.Invalid, null, null) : known.verdict(clock.instant());
    }

    public List<IdTag> all(int offset, int limit) {
        return em.createNamedQuery("IdTag.all", IdTag.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createNamedQuery("IdTag.count", Long.class).getSingleResult();
    }

    public Optional<IdTag> find(String idTag) {
        return Optional.ofNullable(em.find(IdTag.class, IdTag.key(idTag)));
    }

    public Saved put(String idTag, Changes changes) {
        Instant now = clock.instant();
        IdTag tag = em.find(IdTag.class, IdTag.key(idTag));
        boolean created = tag == null;
        if (created) {
            tag = new IdTag(idTag, now);
        }
        int version = change(idTag, false, now);
        tag.change(idTag, changes.tokenType(), changes.name(), changes.status(), changes.expiryDate(),
                changes.parentIdTag(), version, now);
        if (created) {
            em.persist(tag);
        }
        return new Saved(tag, created);
    }

    /** Removes an idTag; false when there was none. */
    public boolean remove(String idTag) {
        IdTag tag = em.find(IdTag.class, IdTag.key(idTag));
        if (tag == null) {
            return false;
        }
        change(tag.idTag(), true, clock.instant());
        em.remove(tag);
        return true;
    }

    /** The version of the local authorization list now (0: the owner never had idTags). */
    public int currentVersion() {
        Integer version = em.createNamedQuery("ListChange.current", Integer.class).getSingleResult();
        return version == null ? 0 : version;
    }

    /** Every idTag, as a full update carries it. */
    public List<ListEntry> entries() {
        return em.createNamedQuery("IdTag.all", IdTag.class).getResultStream().map(IdTags::entry).toList();
    }

    /**
     * What changed after {@code version}: each idTag changed since as it is now, or as a removal
     * (an entry without status) when it is gone.
     */
    public List<ListEntry> changesSince(int version) {
        Map<String, String> touched = new LinkedHashMap<>();
        for (ListChange change : em.createNamedQuery("ListChange.since", ListChange.class)
                .setParameter("version", version).getResultList()) {
            touched.put(change.key(), change.idTag());
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        Map<String, IdTag> present = new LinkedHashMap<>();
        em.createNamedQuery("IdTag.byKeys", IdTag.class).setParameter("keys", List.copyOf(touched.keySet()))
                .getResultStream().forEach(t -> present.put(t.key(), t));
        return touched.entrySet().stream().map(e -> present.containsKey(e.getKey()) ? entry(present.get(e.getKey()))
                : new ListEntry(e.getValue(), null, null, null, null)).toList();
    }

    private int change(String idTag, boolean removed, Instant now) {
        ListChange change = new ListChange(idTag, removed, now);
        em.persist(change);
        em.flush();
        changed.fire(new IdTagsChanged(change.version()));
        return change.version();
    }

    private static ListEntry entry(IdTag tag) {
        return new ListEntry(tag.idTag(), tag.status().name(), tag.expiryDate(), tag.parentIdTag(), tag.tokenType());
    }
}
