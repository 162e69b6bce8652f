package io.plughome.charger;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** A {@link ChargerLogins} on a stored-hash lookup instead of the database, for tests and benchmarks. */
final class TestLogins {

    private TestLogins() {
    }

    static ChargerLogins of(Clock clock, Function<String, Optional<String>> secretHash) {
        return of(clock, new ChargerService() {
            @Override
            public Optional<String> secretHash(String chargerId) {
                return secretHash.apply(chargerId);
            }
        });
    }

    static ChargerLogins of(Clock clock, ChargerService chargers) {
        ChargerLogins logins = new ChargerLogins();
        logins.chargers = chargers;
        logins.clock = clock;
        logins.concurrentChecks = 1;
        logins.init();
        return logins;
    }
}
