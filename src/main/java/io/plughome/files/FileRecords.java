package io.plughome.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rows that say which files are kept, and the upload links handed out. */
@ApplicationScoped
@Transactional
public class FileRecords {

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    public ChargerFile add(ChargerFile file) {
        em.persist(file);
        return file;
    }

    public Optional<ChargerFile> find(long id) {
        return Optional.ofNullable(em.find(ChargerFile.class, id));
    }

    public void remove(long id) {
        ChargerFile file = em.find(ChargerFile.class, id);
        if (file != null) {
            em.remove(file);
        }
    }

    public List<ChargerFile> diagnostics(String chargerId) {
        return em.createNamedQuery("ChargerFile.diagnostics", ChargerFile.class)
                .setParameter("kind", FileKind.DIAGNOSTICS).setParameter("chargerId", chargerId).getResultList();
    }

    public List<ChargerFile> firmware() {
        return em.createNamedQuery("ChargerFile.firmware", ChargerFile.class).setParameter("kind", FileKind.FIRMWARE)
                .getResultList();
    }

    public Optional<ChargerFile> byLink(String token) {
        return em.createNamedQuery("ChargerFile.byLink", ChargerFile.class).setParameter("token", token)
                .getResultStream().findFirst();
    }

    public UploadSlot open(UploadSlot slot) {
        em.persist(slot);
        return slot;
    }

    /** The upload link with this token, if it is still open. */
    public Optional<UploadSlot> slot(String token, Instant now) {
        return Optional.ofNullable(em.find(UploadSlot.class, token)).filter(s -> s.openAt(now));
    }

    /** The bytes all kept files take. */
    public long totalBytes() {
        Long total = em.createQuery("SELECT SUM(f.sizeBytes) FROM ChargerFile f", Long.class).getSingleResult();
        return total == null ? 0 : total;
    }

    /** Closes one upload link (it was used). */
    public void close(String token) {
        UploadSlot slot = em.find(UploadSlot.class, token);
        if (slot != null) {
            em.remove(slot);
        }
    }

    /** Closes every upload link of a charger; how many were open. */
    public int closeAll(String chargerId) {
        return em.createQuery("DELETE FROM UploadSlot s WHERE s.chargerId = :chargerId")
                .setParameter("chargerId", chargerId).executeUpdate();
    }
}
