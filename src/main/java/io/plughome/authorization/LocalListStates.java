package io.plughome.authorization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Stores what each charger holds of the local authorization list. */
@ApplicationScoped
@Transactional
public class LocalListStates {

    @PersistenceContext(unitName = "plughome")
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<ChargerLocalList> of(String chargerId) {
        return Optional.ofNullable(em.find(ChargerLocalList.class, chargerId));
    }

    public ChargerLocalList record(String chargerId, Integer version, String status, String detail,
            String updateType) {
        ChargerLocalList state = em.find(ChargerLocalList.class, chargerId);
        if (state == null) {
            state = new ChargerLocalList(chargerId);
            em.persist(state);
        }
        state.result(version, status, detail, updateType, clock.instant());
        return state;
    }
}
