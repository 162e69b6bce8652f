package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void parsesACall() throws Exception {
        Frame.Call call = assertInstanceOf(Frame.Call.class,
                Frame.parse("[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"VendorX\"}]"));
        assertEquals("19223201", call.messageId());
        assertEquals("BootNotification", call.action());
        assertEquals("VendorX", call.payload().getString("chargePointVendor"));
    }

    @Test
    void parsesResultsAndErrors() throws Exception {
        assertInstanceOf(Frame.CallResult.class, Frame.parse("[3,\"a\",{\"status\":\"Accepted\"}]"));
        Frame.CallError error = assertInstanceOf(Frame.CallError.class,
                Frame.parse("[4,\"a\",\"NotImplemented\",\"nope\",{}]"));
        assertEquals("NotImplemented", error.code());
        assertEquals("nope", error.description());
    }

    @Test
    void writesFramesAsTheSpecificationShowsThem() {
        assertEquals("[4,\"7\",\"FormationViolation\",\"bad\",{}]",
                new Frame.CallError("7", "FormationViolation", "bad", null).toJson());
    }

    @Test
    void notJsonIsAFormatProblemWithUnknownId() {
        Frame.Malformed m = assertThrows(Frame.Malformed.class, () -> Frame.parse("[2, \"x\""));
        assertEquals(Problem.FORMAT, m.problem());
        assertEquals("-1", m.messageId());
    }

    @Test
    void aCallWithoutPayloadIsAProtocolProblemKeepingItsId() {
        Frame.Malformed m = assertThrows(Frame.Malformed.class, () -> Frame.parse("[2,\"id9\",\"Heartbeat\"]"));
        assertEquals(Problem.PROTOCOL, m.problem());
        assertEquals("id9", m.messageId());
    }

    @Test
    void structureErrorsAreFormatProblems() {
        for (String bad : new String[] {"{}", "[]", "[\"2\",\"a\",\"B\",{}]", "[2,5,\"B\",{}]", "[9,\"a\",{}]",
            "[2,\"a\",\"B\",[]]", "[2,\"a\",\"B\",{},{}]", "[2,\"" + "x".repeat(37) + "\",\"B\",{}]"}) {
            Frame.Malformed m = assertThrows(Frame.Malformed.class, () -> Frame.parse(bad), bad);
            assertEquals(Problem.FORMAT, m.problem(), bad);
        }
    }

    @Test
    void aFrameNestedTooDeeplyIsAFormationProblemNotAnEscapedException() {
        Frame.Malformed malformed = assertThrows(Frame.Malformed.class,
                () -> Frame.parse("[2,\"1\",\"Heartbeat\"," + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "]"));
        assertEquals(Problem.FORMAT, malformed.problem());
    }
}
