package io.plughome.charger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What chargers report about themselves beyond status: the device model (2.0.1 NotifyReport) and
 * the security log (SecurityEventNotification). Stored before the charger is answered.
 */
@ApplicationScoped
@Transactional
public class DeviceModel {

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    /** Stores the attributes of one report page; the newest report of an attribute wins. */
    public void reported(String chargerId, List<DeviceVariable.Reported> attributes) {
        Instant now = clock.instant();
        for (DeviceVariable.Reported r : attributes) {
            DeviceVariable row = em.find(DeviceVariable.class, new DeviceVariable.Key(chargerId, r.key()));
            if (row == null) {
                row = new DeviceVariable(chargerId, r);
                em.persist(row);
            }
            row.reported(r, now);
        }
    }

    public List<DeviceVariable> of(String chargerId, int offset, int limit) {
        return em.createNamedQuery("DeviceVariable.findByCharger", DeviceVariable.class)
                .setParameter("chargerId", chargerId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(String chargerId) {
        return em.createQuery("SELECT COUNT(v) FROM DeviceVariable v WHERE v.chargerId = :chargerId", Long.class)
                .setParameter("chargerId", chargerId).getSingleResult();
    }

    /** The Actual value of a variable of a component (any instance of either), if the charger reported it. */
    public Optional<String> actual(String chargerId, String component, String variable, String variableInstance) {
        return em.createNamedQuery("DeviceVariable.find", DeviceVariable.class).setParameter("chargerId", chargerId)
                .setParameter("component", component).setParameter("variable", variable).getResultStream()
                .filter(v -> "Actual".equals(v.attributeType()))
                .filter(v -> variableInstance == null || variableInstance.equals(v.variableInstance())
                        || v.variableInstance() == null)
                .map(DeviceVariable::value).filter(v -> v != null).findFirst();
    }

    public void securityEvent(String chargerId, String type, Instant at, String techInfo) {
        em.persist(new SecurityEvent(chargerId, type, at, techInfo, clock.instant()));
    }

    public List<SecurityEvent> securityEvents(String chargerId, int offset, int limit) {
        return em.createNamedQuery("SecurityEvent.findByCharger", SecurityEvent.class)
                .setParameter("chargerId", chargerId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long securityEventCount(String chargerId) {
        return em.createNamedQuery("SecurityEvent.countByCharger", Long.class).setParameter("chargerId", chargerId)
                .getSingleResult();
    }
}
