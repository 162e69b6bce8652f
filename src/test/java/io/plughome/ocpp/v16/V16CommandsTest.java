package io.plughome.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import io.plughome.control.Setting;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.OutboundCall;
import io.plughome.ocpp.RecordCodec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands in OCPP 1.6 words: raw calls checked against the schema, local lists, secrets masked. */
class V16CommandsTest {

    private final V16Commands commands = new V16Commands();

    V16CommandsTest() {
        commands.codec = new RecordCodec(Validation.buildDefaultValidatorFactory().getValidator());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private String refusal(String action, String payload) {
        CommandFailure failure = assertThrows(CommandFailure.class,
                () -> commands.encode("CP", new Command.Call(action, json(payload))));
        assertTrue(failure.invalidCommand(), failure.error());
        return failure.getMessage();
    }

    @Test
    void aValidRawCallGoesOutAsGivenAndItsAnswerComesBackAsSent() throws Exception {
        JsonObject payload = json("{\"vendorId\":\"com.example\",\"messageId\":\"m\",\"data\":\"{\\\"a\\\":1}\"}");
        OutboundCall call = commands.encode("CP", new Command.Call("DataTransfer", payload));
        assertEquals("DataTransfer", call.action());
        assertEquals(payload, call.payload());
        JsonObject answer = json("{\"status\":\"Rejected\",\"data\":\"no\"}");
        CommandReply reply = call.reader().read(answer, new Deviations());
        assertEquals("Rejected", reply.status());
        assertFalse(reply.accepted());
        assertEquals(answer, reply.payload());
        CommandReply version = commands.encode("CP", new Command.Call("GetLocalListVersion", JsonObject.EMPTY_JSON_OBJECT))
                .reader().read(json("{\"listVersion\":4}"), new Deviations());
        assertTrue(version.accepted(), "an answer without status is an answer");
    }

    @Test
    void rawCallsThatBreakTheSchemaAreRefusedWithTheReason() {
        assertTrue(refusal("DataTransfer", "{}").contains("vendorId"));
        assertTrue(refusal("DataTransfer", "{\"vendorId\":\"" + "v".repeat(256) + "\"}").contains("vendorId"));
        assertTrue(refusal("Reset", "{\"type\":\"soft\"}").contains("type"), "exact enum spelling");
        assertTrue(refusal("UnlockConnector", "{\"connectorId\":1.5}").contains("connectorId"));
        assertTrue(refusal("ClearCache", "{\"all\":true}").contains("all"), "no unknown fields");
        assertTrue(refusal("ReserveNow", "{\"connectorId\":1,\"expiryDate\":\"tomorrow\",\"idTag\":\"A\","
                + "\"reservationId\":1}").contains("expiryDate"));
        assertTrue(refusal("SetChargingProfile", "{\"connectorId\":0,\"csChargingProfiles\":{\"chargingProfileId\":1,"
                + "\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\","
                + "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[]}}}")
                .contains("chargingSchedulePeriod"));
        assertTrue(refusal("BootNotification", "{}").contains("no call"), "a charger's message, not ours");
    }

    @Test
    void everyServerCallOfOcpp16IsKnown() {
        assertEquals(19, V16Calls.ALL.size());
        assertTrue(V16Calls.ALL.keySet().containsAll(List.of("CancelReservation", "ChangeAvailability",
                "ChangeConfiguration", "ClearCache", "ClearChargingProfile", "DataTransfer", "GetCompositeSchedule",
                "GetConfiguration", "GetDiagnostics", "GetLocalListVersion", "RemoteStartTransaction",
                "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "TriggerMessage",
                "UnlockConnector", "UpdateFirmware")));
    }

    @Test
    void aDifferentialLocalListRemovesWithoutIdTagInfo() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
        OutboundCall call = commands.encode("CP", new Command.SendLocalList(9, false, List.of(
                new Command.SendLocalList.ListEntry("CARD-A", "Blocked", expiry, "FAMILY"),
                new Command.SendLocalList.ListEntry("CARD-B", null, null, null))));
        assertEquals(json("{\"listVersion\":9,\"localAuthorizationList\":[{\"idTag\":\"CARD-A\",\"idTagInfo\":"
                + "{\"expiryDate\":\"2027-01-01T00:00:00Z\",\"parentIdTag\":\"FAMILY\",\"status\":\"Blocked\"}},"
                + "{\"idTag\":\"CARD-B\"}],\"updateType\":\"Differential\"}"), call.payload());
    }

    @Test
    void theAuthorizationKeyIsFoundInEitherFormAndNeverAudited() {
        Command dedicated = new Command.ChangeConfiguration(Setting.parse("authorizationkey"), "new-secret-0001");
        assertEquals("new-secret-0001", dedicated.newSharedSecret().orElseThrow());
        assertFalse(dedicated.audited().toString().contains("new-secret"));
        Command raw = new Command.Call("ChangeConfiguration",
                json("{\"key\":\"AuthorizationKey\",\"value\":\"new-secret-0002\"}"));
        assertEquals("new-secret-0002", raw.newSharedSecret().orElseThrow());
        assertFalse(raw.audited().toString().contains("new-secret"));
        assertEquals("Call:ChangeConfiguration", raw.name());
        Command other = new Command.ChangeConfiguration(Setting.parse("HeartbeatInterval"), "60");
        assertTrue(other.newSharedSecret().isEmpty());
        assertEquals(Map.of("key", "HeartbeatInterval", "value", "60"), other.audited());
        Command v201 = new Command.ChangeConfiguration(Setting.parse("SecurityCtrlr.BasicAuthPassword"), "s3cret-0003");
        assertEquals("s3cret-0003", v201.newSharedSecret().orElseThrow(), "the 2.0.1 name of the same setting");
        assertTrue(((Map<?, ?>) new Command.Call("ClearCache", JsonObject.EMPTY_JSON_OBJECT).audited())
                .containsKey("payload"));
    }
}
