package io.plughome.session;

import static io.plughome.testsupport.DomainDatabase.inject;

import io.plughome.authorization.AuthorizationConfig;
import io.plughome.authorization.IdTags;
import io.plughome.charger.ChargerService;
import io.plughome.charger.RegistrationConfig;
import io.plughome.control.ControlConfig;
import io.plughome.platform.DomainEvent;
import io.plughome.testsupport.DomainDatabase;
import java.time.Clock;

/** The session use cases wired as the server wires them, on a {@link DomainDatabase}, for tests and benchmarks. */
public final class DomainFixture {

    public final DomainDatabase db;
    public final DomainDatabase.Fired<DomainEvent> fired = new DomainDatabase.Fired<>();
    public final AuthorizationConfig authorization = inject(new AuthorizationConfig(), "authorization", "accept-all");
    public final ChargerService chargers;
    public final SessionService sessions = new SessionService();
    public final TransactionReports reports = new TransactionReports();

    public DomainFixture(DomainDatabase db, Clock clock) {
        this.db = db;
        sessions.em = db.em();
        sessions.clock = clock;
        sessions.events = fired;
        sessions.newestReadings = new NewestReadings();
        chargers = inject(inject(inject(inject(new ChargerService(), "em", db.em()), "clock", clock), "events", fired),
                "config", inject(new RegistrationConfig(), "registration", "accept"));
        ControlConfig control = inject(new ControlConfig(), "remoteIdTag", "PlugHome");
        IdTags idTags = inject(inject(inject(inject(new IdTags(), "em", db.em()), "clock", clock), "config",
                authorization), "control", control);
        reports.sessions = sessions;
        reports.chargers = chargers;
        reports.idTags = idTags;
        reports.clock = clock;
    }

    /** A charger as its first connection registers it. */
    public void connected(String chargerId, String protocol) {
        db.inTransaction(em -> chargers.connected(chargerId, protocol));
    }

    /** A report stored in a transaction of its own, as a frame's is. */
    public TransactionReports.Reported report(TransactionReport report) {
        return db.inTransaction(em -> reports.report(report));
    }
}
