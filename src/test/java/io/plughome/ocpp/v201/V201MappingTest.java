package io.plughome.ocpp.v201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.charger.ConnectorState;
import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.Setting;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.OcppException;
import io.plughome.ocpp.Problem;
import io.plughome.ocpp.RecordCodec;
import io.plughome.ocpp.SettingNames;
import io.plughome.session.ChargingSession;
import io.plughome.session.MeterReading;
import io.plughome.session.StopReason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2.0.1 codec and each mapping onto PlugHome's own values. */
class V201MappingTest {

    private final RecordCodec codec = V201Adapter.codec(Validation.buildDefaultValidatorFactory().getValidator());

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final String EVENT = "{\"eventType\":\"Started\",\"timestamp\":\"2026-12-01T10:00:00Z\","
            + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"T-1\","
            + "\"customData\":{\"vendorId\":\"x\"}},\"evse\":{\"id\":1,\"connectorId\":1},"
            + "\"customData\":{\"vendorId\":\"x\"}}";

    private Problem problem(String payload) {
        return assertThrows(OcppException.class, () -> codec.read(json(payload),
                TransactionEventHandler.Request.class, new Deviations())).problem();
    }

    @Test
    void aTransactionEventIsReadWithItsCustomDataIgnoredAndItsErrorsClassified() throws Exception {
        Deviations d = new Deviations();
        TransactionEventHandler.Request r = codec.read(json(EVENT), TransactionEventHandler.Request.class, d);
        assertEquals(TransactionEventHandler.EventType.Started, r.eventType());
        assertEquals("T-1", r.transactionInfo().transactionId());
        assertTrue(d.isEmpty(), "customData is no deviation: " + d.all());

        assertEquals(Problem.OCCURRENCE, problem(EVENT.replace(",\"transactionInfo\":{\"transactionId\":\"T-1\","
                + "\"customData\":{\"vendorId\":\"x\"}}", "")));
        assertEquals(Problem.TYPE, problem(EVENT.replace("\"seqNo\":0", "\"seqNo\":\"zero\"")));
        assertEquals(Problem.PROPERTY, problem(EVENT.replace("Started", "Begun")));
        Deviations lowerCase = new Deviations();
        codec.read(json(EVENT.replace("\"Started\"", "\"started\"")), TransactionEventHandler.Request.class, lowerCase);
        assertTrue(lowerCase.all().containsKey(Deviations.ENUM_CASE));
        Deviations longId = new Deviations();
        TransactionEventHandler.Request cut = codec.read(json(EVENT.replace("T-1", "T".repeat(40))),
                TransactionEventHandler.Request.class, longId);
        assertEquals(ChargingSession.TRANSACTION_ID_MAX, cut.transactionInfo().transactionId().length(),
                "fits transaction_id, counted");
        assertTrue(longId.all().containsKey(Deviations.STRING_TRUNCATED));
    }

    @Test
    void errorCodesAreSpelledAs201SpellsThem() {
        V201Adapter adapter = new V201Adapter();
        assertEquals("FormatViolation", adapter.errorCode(Problem.FORMAT));
        assertEquals("OccurrenceConstraintViolation", adapter.errorCode(Problem.OCCURRENCE));
        assertEquals("PropertyConstraintViolation", adapter.errorCode(Problem.PROPERTY));
        assertEquals("TypeConstraintViolation", adapter.errorCode(Problem.TYPE));
        assertEquals("NotImplemented", adapter.errorCode(Problem.NOT_IMPLEMENTED));
        assertEquals("ocpp2.0.1", adapter.subprotocol());
    }

    @Test
    void everyStoppedReasonIsOneOfOurStopReasons() {
        for (String reason : TransactionEventHandler.STOPPED_REASONS) {
            Deviations d = new Deviations();
            assertEquals(reason, TransactionEventHandler.stopReason(request(reason), d).name());
            assertTrue(d.isEmpty());
        }
        Deviations d = new Deviations();
        assertEquals(StopReason.Other, TransactionEventHandler.stopReason(request("CatAteTheCable"), d));
        assertTrue(d.all().get(Deviations.UNKNOWN_VALUE).contains("CatAteTheCable"), "the word is kept");
        assertEquals(StopReason.EVDisconnected, TransactionEventHandler.stopReason(request("evdisconnected"),
                new Deviations()));
        assertEquals(StopReason.Local, TransactionEventHandler.stopReason(request(null), new Deviations()),
                "none means Local");
    }

    private static TransactionEventHandler.Request request(String stoppedReason) {
        return new TransactionEventHandler.Request(TransactionEventHandler.EventType.Ended, null, Instant.now(),
                "StopAuthorized", 1, null, null, null, null,
                new TransactionEventHandler.Transaction("T", null, null, stoppedReason, null), null, null);
    }

    @Test
    void connectorStatusesMapOntoOurStates() {
        assertEquals(ConnectorState.Available, StatusNotificationHandler.state(
                StatusNotificationHandler.ConnectorStatusEnum.Available));
        assertEquals(ConnectorState.Faulted, StatusNotificationHandler.state(
                StatusNotificationHandler.ConnectorStatusEnum.Faulted));
        assertEquals(ConnectorState.Unavailable, StatusNotificationHandler.state(
                StatusNotificationHandler.ConnectorStatusEnum.Unavailable));
        assertEquals(ConnectorState.Reserved, StatusNotificationHandler.state(
                StatusNotificationHandler.ConnectorStatusEnum.Reserved));
        assertNull(StatusNotificationHandler.state(StatusNotificationHandler.ConnectorStatusEnum.Occupied),
                "Occupied keeps the charging state the transaction events give");
    }

    @Test
    void meterValuesApplyTheirMultiplierAndStartAndEndReadingsAreFoundByContext() {
        Deviations d = new Deviations();
        List<MeterReading> readings = MeterValues201.toReadings(List.of(new Types.MeterValue(List.of(
                new Types.SampledValue(new java.math.BigDecimal("74"), "Sample.Periodic", "Power.Active.Import", null,
                        null, null, new Types.UnitOfMeasure("W", 2)),
                new Types.SampledValue(new java.math.BigDecimal("12.5"), "Transaction.Begin", null, null, null, null,
                        new Types.UnitOfMeasure("kWh", null)),
                new Types.SampledValue(new java.math.BigDecimal("13"), "Sample.Periodic", null, null, null, null,
                        new Types.UnitOfMeasure("kWh", 0))), Instant.parse("2026-12-01T10:00:00Z"))), d);
        assertEquals("7400", readings.get(0).rawValue());
        assertEquals(7400.0, readings.get(0).baseValue());
        assertEquals(MeterReading.ENERGY_REGISTER, readings.get(1).measurand(), "the default measurand");
        assertEquals("Transaction.Begin", readings.get(1).context());
        assertEquals(12_500.0, readings.get(1).baseValue(), "kWh read as Wh");
        assertTrue(d.isEmpty(), d.all().toString());
    }

    @Test
    void aTransactionsSequenceNumbersTellGapsFromRepeats() {
        ChargingSession s = new ChargingSession("CP", 1, 1, null, 0L, null, Instant.now(), false, Instant.now());
        assertEquals(ChargingSession.Sequence.NEXT, s.sequence(0));
        assertEquals(ChargingSession.Sequence.NEXT, s.sequence(1));
        assertEquals(ChargingSession.Sequence.EARLIER, s.sequence(1), "sent again");
        assertEquals(ChargingSession.Sequence.GAP, s.sequence(4));
        assertEquals(ChargingSession.Sequence.EARLIER, s.sequence(2), "a late one of the gap");
        assertEquals(ChargingSession.Sequence.NEXT, s.sequence(5));
    }

    @Test
    void settingsHaveOneNameInEitherVersion() {
        assertEquals("OCPPCommCtrlr", SettingNames.asVariable(Setting.parse("HeartbeatInterval")).orElseThrow()
                .component());
        assertEquals("HeartbeatInterval", SettingNames.asKey(Setting.parse("OCPPCommCtrlr.HeartbeatInterval")));
        assertEquals("AuthorizationKey", SettingNames.asKey(Setting.parse("SecurityCtrlr.BasicAuthPassword")));
        assertEquals("Vendor.Thing", SettingNames.asKey(Setting.parse("Vendor.Thing")), "a vendor key as written");
        assertTrue(SettingNames.asVariable(Setting.parse("SomeVendorKey")).isEmpty());
        assertTrue(Setting.parse("securityctrlr.basicauthpassword").isChargerPassword());
    }

    @Test
    void rawCallsAreCheckedAgainstThe201Records() {
        V201Commands commands = new V201Commands();
        commands.codec = codec;
        assertEquals("GetVariables", commands.encode("CP", new Command.Call("GetVariables", json(
                "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":"
                        + "\"HeartbeatInterval\"}}]}"))).action());
        CommandFailure empty = assertThrows(CommandFailure.class, () -> commands.encode("CP",
                new Command.Call("GetVariables", json("{\"getVariableData\":[]}"))));
        assertTrue(empty.getMessage().contains("getVariableData"), empty.getMessage());
        CommandFailure unknown = assertThrows(CommandFailure.class, () -> commands.encode("CP",
                new Command.Call("RemoteStartTransaction", json("{}"))));
        assertTrue(unknown.getMessage().contains("RequestStartTransaction"), "lists the 2.0.1 calls");
        assertEquals(40, V201Calls.ALL.size(), "every call a 2.0.1 CSMS may send");
        String reserve = "{\"id\":7,\"expiryDateTime\":\"2026-12-24T18:00:00Z\",\"connectorType\":\"cType2\","
                + "\"idToken\":{\"idToken\":\"CARD\",\"type\":\"ISO14443\"},\"evseId\":1}";
        assertEquals("ReserveNow", commands.encode("CP", new Command.Call("ReserveNow", json(reserve))).action());
        CommandFailure schuko = assertThrows(CommandFailure.class, () -> commands.encode("CP",
                new Command.Call("ReserveNow", json(reserve.replace("cType2", "Schuko")))));
        assertTrue(schuko.getMessage().contains("connectorType"), schuko.getMessage());
        CommandFailure noKey = assertThrows(CommandFailure.class, () -> commands.encode("CP",
                new Command.GetConfiguration(List.of(Setting.parse("VendorOnlyKey")))));
        assertTrue(noKey.getMessage().contains("Component.Variable"));
        Command password = new Command.Call("SetVariables", json("{\"setVariableData\":[{\"attributeValue\":"
                + "\"s3cret-password\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":"
                + "\"BasicAuthPassword\"}}]}"));
        assertEquals("s3cret-password", password.newSharedSecret().orElseThrow());
        assertTrue(!password.audited().toString().contains("s3cret"), "masked in the audit log");
    }
}
