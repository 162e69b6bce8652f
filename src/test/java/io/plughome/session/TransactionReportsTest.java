package io.plughome.session;

import static io.plughome.testsupport.DomainDatabase.inject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.authorization.IdTagStatus;
import io.plughome.authorization.IdToken;
import io.plughome.charger.Connector;
import io.plughome.session.TransactionReport.ChargingState;
import io.plughome.session.TransactionReport.Ids;
import io.plughome.session.TransactionReport.Kind;
import io.plughome.testsupport.DomainDatabase;
import io.plughome.testsupport.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The version-neutral transaction use case on a real database, without a server: what 1.6's
 * StartTransaction / MeterValues / StopTransaction and 2.0.1's TransactionEvent become, and the
 * rules they share (late and repeated reports, readings stored once, the token's verdict,
 * connector state, sequence gaps).
 */
class TransactionReportsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");

    /** One database for the class (migrating it takes seconds); each test has chargers of its own. */
    private static DomainDatabase db;
    private static int test;
    private DomainFixture domain;
    private String cp16;
    private String cp201;

    @BeforeAll
    static void database() {
        db = new DomainDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void domain() {
        test++;
        cp16 = "CP16-" + test;
        cp201 = "CP201-" + test;
        domain = new DomainFixture(db, new MovingClock(T0.plus(Duration.ofHours(1))));
        domain.connected(cp16, "ocpp1.6");
        domain.connected(cp201, "ocpp2.0.1");
    }

    private TransactionReports.Reported report(TransactionReport.Builder report) {
        return domain.report(report.build());
    }

    private static MeterReading energy(Instant at, String context, long wh) {
        return new MeterReading(at, MeterReading.ENERGY_REGISTER, null, null, context, "Wh", Long.toString(wh));
    }

    private long samplesOf(long sessionId) {
        return db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM meter_sample WHERE session_id = ?")
                .setParameter(1, sessionId).getSingleResult()).longValue());
    }

    private ChargingSession stored(long sessionId) {
        return db.read(em -> em.find(ChargingSession.class, sessionId));
    }

    @Test
    void aVersion16TransactionIsStartedMeteredAndStoppedWithTheServersId() {
        TransactionReports.Reported started = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER)
                .connector(1).token(IdToken.untyped("CARD-1")).register(1_000L).at(T0));
        long id = started.session().id();
        assertEquals(Long.toString(id), started.session().transactionId(), "1.6: the server draws the id");
        assertEquals(IdTagStatus.Accepted, started.verdict().status());

        TransactionReports.Reported metered = report(TransactionReport.of(Kind.UPDATED, cp16, Ids.SERVER)
                .connector(1).transaction(Long.toString(id))
                .readings(List.of(energy(T0.plusSeconds(60), "Sample.Periodic", 1_500))));
        assertTrue(metered.transactionMatched());
        assertNull(metered.verdict(), "no token, no verdict");

        TransactionReports.Reported stopped = report(TransactionReport.of(Kind.ENDED, cp16, Ids.SERVER)
                .transaction(Long.toString(id)).register(4_000L).at(T0.plusSeconds(600))
                .stopReason(StopReason.EVDisconnected));
        assertTrue(stopped.transactionMatched());
        ChargingSession s = stored(id);
        assertEquals(3_000L, s.energyWh());
        assertEquals(T0.plusSeconds(600), s.stoppedAt());
        assertEquals("EVDisconnected", s.stopReason());
        assertEquals(1, samplesOf(id));
    }

    @Test
    void aSessionsReadingsAreFoundOnTheChargersIndexEvenWhenTheChargersClockPutsThemBeforeItsStart() {
        long first = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER).connector(1)
                .token(IdToken.untyped("CARD-1")).register(0L).at(T0)).session().id();
        // sent with the transaction's id, but stamped ten minutes before its start (a charger's clock)
        report(TransactionReport.of(Kind.UPDATED, cp16, Ids.SERVER).connector(1).transaction(Long.toString(first))
                .readings(List.of(energy(T0.minusSeconds(600), "Sample.Periodic", 10),
                        energy(T0.plusSeconds(60), "Sample.Periodic", 100))));
        report(TransactionReport.of(Kind.ENDED, cp16, Ids.SERVER).transaction(Long.toString(first)).register(200L)
                .at(T0.plusSeconds(120)).stopReason(StopReason.EVDisconnected));
        // a reading of no session between the two, and a second session with readings of its own
        report(TransactionReport.of(Kind.UPDATED, cp16, Ids.SERVER).connector(1)
                .readings(List.of(energy(T0.plusSeconds(150), "Sample.Periodic", 200))));
        long second = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER).connector(1)
                .token(IdToken.untyped("CARD-1")).register(200L).at(T0.plusSeconds(180))).session().id();
        report(TransactionReport.of(Kind.UPDATED, cp16, Ids.SERVER).connector(1).transaction(Long.toString(second))
                .readings(List.of(energy(T0.plusSeconds(240), "Sample.Periodic", 300))));

        List<Instant> firstTimes = db.read(em -> inject(new SessionService(), "em", em).samples(first)).stream()
                .map(MeterSample::sampledAt).toList();
        assertEquals(List.of(T0.minusSeconds(600), T0.plusSeconds(60)), firstTimes);
        assertEquals(List.of(T0.plusSeconds(240)), db.read(em -> inject(new SessionService(), "em", em)
                .samples(second)).stream().map(MeterSample::sampledAt).toList());
        assertEquals(T0.minusSeconds(600), stored(first).firstReadingAt());
        assertEquals(T0.plusSeconds(60), stored(first).lastReadingAt());
    }

    @Test
    void removingAChargerRemovesItsReadingsAndNoOtherChargers() {
        long id = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER).connector(1)
                .token(IdToken.untyped("CARD-1")).register(0L).at(T0)).session().id();
        report(TransactionReport.of(Kind.UPDATED, cp16, Ids.SERVER).connector(1).transaction(Long.toString(id))
                .readings(List.of(energy(T0.plusSeconds(60), "Sample.Periodic", 100))));
        report(TransactionReport.of(Kind.UPDATED, cp201, Ids.CHARGER).transaction("TX-KEEP").evse(1, 1).at(T0.plusSeconds(60)).seqNo(1)
                .readings(List.of(energy(T0.plusSeconds(60), "Sample.Periodic", 100))));
        long others = db.read(em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM meter_sample WHERE charger_id = ?").setParameter(1, cp201).getSingleResult())
                .longValue());
        assertEquals(1, samplesOf(id));

        // what ChargerService.remove does to the database, and then its Removed event's observer
        db.inTransaction(em -> {
            em.remove(em.find(io.plughome.charger.Charger.class, cp16));
            em.flush();
            inject(new SessionService(), "em", em).chargerRemoved(new io.plughome.charger.ChargerEvents.Removed(cp16,
                    T0));
            return null;
        });
        assertEquals(0, samplesOf(id));
        assertNull(stored(id), "the session went by the schema's cascade");
        long othersAfter = db.read(em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM meter_sample WHERE charger_id = ?").setParameter(1, cp201).getSingleResult())
                .longValue());
        assertEquals(others, othersAfter);
        assertTrue(others > 0);
    }

    @Test
    void readingsForATransactionTheServerNeverDrewAreCountedAndGoToTheConnectorsOpenSession() {
        long id = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER).connector(2)
                .token(IdToken.untyped("CARD-1")).register(0L).at(T0)).session().id();
        TransactionReports.Reported metered = report(TransactionReport.of(Kind.UPDATED, cp16, Ids.SERVER)
                .connector(2).transaction("999999")
                .readings(List.of(energy(T0.plusSeconds(30), "Sample.Periodic", 200))));
        assertFalse(metered.transactionMatched());
        assertEquals(id, metered.session().id(), "the connector's session open at the readings' time");
        assertEquals(1, samplesOf(id));

        // A stop with an id the charger lost (1.6 sends 0) ends the charger's open session.
        TransactionReports.Reported stopped = report(TransactionReport.of(Kind.ENDED, cp16, Ids.SERVER_LOST)
                .transaction("0").register(900L).at(T0.plusSeconds(300)));
        assertFalse(stopped.transactionMatched());
        assertEquals(id, stopped.session().id());
        assertEquals(900L, stored(id).energyWh());
    }

    @Test
    void anotherChargersTransactionIdFindsNothingOfThatCharger() {
        String other = cp16 + "-B";
        domain.connected(other, "ocpp1.6");
        long id = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER).connector(1)
                .token(IdToken.untyped("CARD-1")).register(0L).at(T0)).session().id();
        TransactionReports.Reported foreign = report(TransactionReport.of(Kind.UPDATED, other, Ids.SERVER)
                .connector(1).transaction(Long.toString(id))
                .readings(List.of(energy(T0.plusSeconds(30), "Sample.Periodic", 200))));
        assertFalse(foreign.transactionMatched(), "the id names a session, but not one of this charger");
        assertNull(foreign.session(), "and this charger has no session open");
        assertEquals(0, samplesOf(id));
    }

    @Test
    void aVersion201TransactionWhoseStartComesLateStartsAtItsFirstEventAndTheStartMovesItBack() {
        TransactionReports.Reported updated = report(TransactionReport.of(Kind.UPDATED, cp201, Ids.CHARGER)
                .transaction("tx-a").evse(1, 1).at(T0.plusSeconds(60)).seqNo(1)
                .readings(List.of(energy(T0.plusSeconds(60), "Sample.Periodic", 5_200))));
        long id = updated.session().id();
        assertEquals("tx-a", updated.session().transactionId(), "2.0.1: the charger's own id");
        assertFalse(updated.sequenceGap());

        TransactionReports.Reported started = report(TransactionReport.of(Kind.STARTED, cp201, Ids.CHARGER)
                .transaction("tx-a").evse(1, 1).at(T0).seqNo(0)
                .token(new IdToken("04A1B2", "ISO14443"))
                .readings(List.of(energy(T0, "Transaction.Begin", 5_000))));
        assertEquals(id, started.session().id(), "the same session, not a second one");
        ChargingSession s = stored(id);
        assertEquals(T0, s.startedAt(), "moved back to the real start");
        assertEquals(5_000L, s.meterStartWh(), "the register of the Transaction.Begin reading");
        assertEquals("04A1B2", s.idTag(), "a token that comes late is taken");
        assertEquals(2, samplesOf(id));
    }

    @Test
    void aRepeatedEventStoresItsReadingsOnceAndASkippedSequenceNumberIsReported() {
        TransactionReport.Builder first = TransactionReport.of(Kind.STARTED, cp201, Ids.CHARGER)
                .transaction("tx-b").evse(1, null).at(T0).seqNo(0)
                .readings(List.of(energy(T0, "Transaction.Begin", 100)));
        long id = report(first).session().id();
        TransactionReport.Builder update = TransactionReport.of(Kind.UPDATED, cp201, Ids.CHARGER)
                .transaction("tx-b").at(T0.plusSeconds(10)).seqNo(1)
                .readings(List.of(energy(T0.plusSeconds(10), "Sample.Periodic", 150)));
        assertFalse(report(update).sequenceGap());
        assertFalse(report(update).sequenceGap(), "sent again: not a gap");
        assertEquals(2, samplesOf(id), "the repeated reading is stored once");
        TransactionReports.Reported skipped = report(TransactionReport.of(Kind.UPDATED, cp201, Ids.CHARGER)
                .transaction("tx-b").at(T0.plusSeconds(40)).seqNo(4));
        assertTrue(skipped.sequenceGap());
    }

    @Test
    void chargingStatesBecomeTheConnectorsStateAndAnEndWithTheCarPluggedInLeavesItFinishing() {
        report(TransactionReport.of(Kind.STARTED, cp201, Ids.CHARGER).transaction("tx-c").evse(1, 1).at(T0)
                .chargingState(ChargingState.EVConnected));
        assertEquals("Preparing", connectorStatus(cp201, 1));
        report(TransactionReport.of(Kind.UPDATED, cp201, Ids.CHARGER).transaction("tx-c").at(T0.plusSeconds(5))
                .chargingState(ChargingState.Charging));
        assertEquals("Charging", connectorStatus(cp201, 1), "the connector is the session's (no EVSE named)");
        TransactionReports.Reported ended = report(TransactionReport.of(Kind.ENDED, cp201, Ids.CHARGER)
                .transaction("tx-c").evse(1, 1).at(T0.plusSeconds(900)).chargingState(ChargingState.EVConnected)
                .readings(List.of(energy(T0.plusSeconds(900), "Transaction.End", 7_000))));
        assertEquals("Finishing", connectorStatus(cp201, 1));
        ChargingSession s = stored(ended.session().id());
        assertEquals(7_000L, s.meterStopWh(), "the register of the Transaction.End reading");
        assertEquals("Local", s.stopReason(), "no reason is Local");
        assertEquals(List.of(T0.plusSeconds(900)), db.read(em -> inject(new SessionService(), "em", em)
                .samples(s.id())).stream().map(MeterSample::sampledAt).toList(), "the end's reading is the session's");
    }

    @Test
    void anEndOfATransactionNeverSeenIsRecordedAsASessionOfItsOwn() {
        TransactionReports.Reported ended = report(TransactionReport.of(Kind.ENDED, cp201, Ids.CHARGER)
                .transaction("tx-unseen").evse(2, 1).at(T0.plusSeconds(600)).stopReason(StopReason.Remote)
                .readings(List.of(energy(T0, "Transaction.Begin", 10_000),
                        energy(T0.plusSeconds(600), "Transaction.End", 12_500))));
        assertFalse(ended.transactionMatched());
        ChargingSession s = stored(ended.session().id());
        assertTrue(s.startedUnseen());
        assertEquals(2, db.read(em -> inject(new SessionService(), "em", em).samples(s.id())).size());
        assertEquals(2, s.connectorId());
        assertEquals(2_500L, s.energyWh());
        assertEquals(T0, s.startedAt(), "started at its first reading");
    }

    @Test
    void inListModeAnUnknownTokenIsInvalidAndTheSessionRecordsWhatTheChargerWasTold() {
        inject(domain.authorization, "authorization", "list");
        TransactionReports.Reported started = report(TransactionReport.of(Kind.STARTED, cp16, Ids.SERVER)
                .connector(1).token(IdToken.untyped("STRANGER")).register(0L).at(T0));
        assertEquals(IdTagStatus.Invalid, started.verdict().status());
        assertEquals("Invalid", stored(started.session().id()).authorizationStatus());
    }

    private String connectorStatus(String chargerId, int connector) {
        Connector c = db.read(em -> em.find(Connector.class, new Connector.Key(chargerId, connector)));
        assertNotNull(c, chargerId + "/" + connector + " has a connector row");
        return c.status();
    }
}
