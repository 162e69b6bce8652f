package io.plughome.session;

import io.plughome.testsupport.DomainDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ReadingsRetention} outside the server: each step in a transaction of its own, as the server's interceptors give it. */
public final class ReadingsRetentionSteps {

    private ReadingsRetentionSteps() {
    }

    public static ReadingsRetention outsideServer(DomainDatabase db, Clock clock, int rawDays) {
        ReadingsRetention steps = new ReadingsRetention() {
            @Override
            public Optional<Instant> pendingDay(Instant cutoff) {
                return db.inTransaction(em -> super.pendingDay(cutoff));
            }

            @Override
            public List<String> chargerIds() {
                return db.inTransaction(em -> super.chargerIds());
            }

            @Override
            public int thin(String chargerId, Instant from, Instant to) {
                return db.inTransaction(em -> super.thin(chargerId, from, to));
            }

            @Override
            public void dayDone(Instant day) {
                db.inTransaction(em -> {
                    super.dayDone(day);
                    return null;
                });
            }
        };
        steps.em = db.em();
        steps.clock = clock;
        steps.rawDays = rawDays;
        steps.steps = steps;
        return steps;
    }
}
