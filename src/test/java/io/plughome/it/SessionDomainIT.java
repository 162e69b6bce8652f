package io.plughome.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.charger.ChargerService;
import io.plughome.authorization.IdToken;
import io.plughome.charger.ConnectorState;
import io.plughome.charger.ConnectorStatus;
import io.plughome.charger.Fault;
import io.plughome.session.StopReason;
import io.plughome.charger.Registration;
import io.plughome.session.ChargingSession;
import io.plughome.session.MeterReading;
import io.plughome.session.SessionQuery;
import io.plughome.session.SessionService;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests (Arquillian on the running Liberty test server): the domain services and
 * their persistence, against the deployed application's real database (H2 or PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
class SessionDomainIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "plughome-domain-it.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/plughome.war")))
                .addClass(SessionDomainIT.class);
    }

    @Inject
    ChargerService chargers;

    @Inject
    SessionService sessions;

    private static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");

    private static SessionService.Start start(String chargerId, long meterStartWh, Instant at) {
        return new SessionService.Start(chargerId, 1, 1, IdToken.untyped("TAG"), meterStartWh, null, at, "Accepted",
                null);
    }

    private String newCharger() {
        String id = "ARQ-" + UUID.randomUUID();
        assertEquals(Registration.ACCEPTED, chargers.connected(id, "ocpp1.6").registration());
        return id;
    }

    @Test
    void aSessionIsStoredWithLiveAndFinalEnergy() {
        String id = newCharger();
        ChargingSession started = sessions.started(start(id, 10_000, T0));
        assertEquals(started.id().toString(), started.transactionId(), "1.6: the digits of the number drawn");

        sessions.meterValues(id, 1, started.transactionId(), List.of(
                new MeterReading(T0.plusSeconds(60), MeterReading.ENERGY_REGISTER, null, null, "Sample.Periodic", "kWh",
                        "10.75"),
                new MeterReading(T0.plusSeconds(60), MeterReading.POWER, null, null, "Sample.Periodic", "W", "11000")));
        ChargingSession live = sessions.byId(started.id()).orElseThrow();
        assertEquals(750L, live.energyWh());
        assertEquals(11000.0, live.powerW());
        assertEquals(2, sessions.samples(started.id()).size());

        sessions.stopped(new SessionService.Stop(id, started.transactionId(), false, 12_000L, T0.plusSeconds(600),
                StopReason.Remote, "TAG", List.of()));
        ChargingSession stopped = sessions.byId(started.id()).orElseThrow();
        assertFalse(stopped.isActive());
        assertEquals(2_000L, stopped.energyWh());
        assertEquals("Remote", stopped.stopReason());
        assertEquals(T0.plusSeconds(600), stopped.stoppedAt());
        assertTrue(sessions.activeOn(id).isEmpty());
        assertEquals(1, sessions.count(new SessionQuery(id, null, null, 0, 10)));
    }

    @Test
    void aNewStartOnAConnectorClosesASessionWhoseStopWasLost() {
        String id = newCharger();
        ChargingSession first = sessions.started(start(id, 0, T0));
        ChargingSession second = sessions.started(start(id, 5_000, T0.plusSeconds(3600)));
        assertNotEquals(first.transactionId(), second.transactionId());
        ChargingSession closed = sessions.byId(first.id()).orElseThrow();
        assertFalse(closed.isActive());
        assertEquals(T0.plusSeconds(3600), closed.stoppedAt());
        assertEquals(second.id(), sessions.activeOn(id).orElseThrow().id());
    }

    @Test
    void aChargersOwnTransactionIdTakesEventsInAnyOrder() {
        String id = newCharger();
        String tx = "evt-" + UUID.randomUUID().toString().replace("-", ""); // 36 characters, the most 2.0.1 allows
        // an update seen first opens the session at its time, without a token or a start reading
        ChargingSession first = sessions.started(new SessionService.Start(id, 1, 1, null, null, null,
                T0.plusSeconds(600), null, tx));
        assertEquals(tx, first.transactionId(), "the charger's id, not a drawn one");
        sessions.meterValues(id, 1, tx, List.of(new MeterReading(T0.plusSeconds(600), MeterReading.ENERGY_REGISTER,
                null, null, "Sample.Periodic", "Wh", "12500")));
        // the late start moves it back and gives the start reading; the token arrives after it
        ChargingSession started = sessions.started(new SessionService.Start(id, 1, 1, null, 10_000L, null, T0, null,
                tx));
        assertEquals(first.id(), started.id());
        sessions.identified(id, tx, new IdToken("CARD-9", "ISO14443"), "Accepted");
        assertEquals(ChargingSession.Sequence.NEXT, sessions.sequenced(id, tx, 0));
        assertEquals(ChargingSession.Sequence.GAP, sessions.sequenced(id, tx, 3));
        sessions.stopped(new SessionService.Stop(id, tx, false, null, T0.plusSeconds(900), StopReason.StoppedByEV,
                null, List.of(), 1));
        ChargingSession done = sessions.byId(first.id()).orElseThrow();
        assertEquals(T0, done.startedAt());
        assertEquals(10_000L, done.meterStartWh());
        assertEquals(12_500L, done.meterStopWh(), "no end reading: the last one");
        assertEquals(2_500L, done.energyWh());
        assertEquals("CARD-9", done.idTag());
        assertEquals("ISO14443", done.idTagType());
        assertEquals("StoppedByEV", done.stopReason());
        assertEquals(1, sessions.count(new SessionQuery(id, null, null, 0, 10)));
    }

    @Test
    void statusReportsArriveOutOfOrderWithoutGoingBackInTime() {
        String id = newCharger();
        chargers.statusReported(id, ConnectorStatus.ofConnector(1, ConnectorState.Charging, Fault.NoError, null, null,
                null, T0.plusSeconds(10)));
        chargers.statusReported(id, ConnectorStatus.ofConnector(1, ConnectorState.Preparing, Fault.NoError, null, null,
                null, T0));
        assertEquals("Charging", chargers.connectors(id).get(0).status());
    }

    @Test
    void deviationsAreCountedPerKind() {
        String id = newCharger();
        chargers.deviated(id, Map.of("unit-spelling", "Celcius"));
        chargers.deviated(id, Map.of("unit-spelling", "Celcius", "enum-case", "charging"));
        Map<String, Long> counts = new java.util.TreeMap<>();
        chargers.deviations(id).forEach(d -> counts.put(d.kind(), d.occurrences()));
        assertEquals(Map.of("enum-case", 1L, "unit-spelling", 2L), counts);
    }
}
