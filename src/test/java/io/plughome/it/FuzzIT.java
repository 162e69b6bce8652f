package io.plughome.it;

import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.TestServer;
import io.plughome.tools.FrameFuzzer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bounded run of the live fuzz tool in the suite, in both OCPP versions: mutated frames from several chargers at once
 * get a CALLRESULT or a specified CALLERROR each (never InternalError, never internal detail),
 * the server still serves, and what was stored before is intact. The long run (100,000 frames)
 * is the tool's own (docs/performance.md).
 */
class FuzzIT {

    @Test
    void mutatedFramesGetSpecifiedAnswersAndLeaveTheDataIntact() throws Exception {
        String base = TestServer.baseUrl();
        String keeper = TestServer.uniqueId("KEEP");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        try (ChargePointSimulator cp = ChargePointSimulator.booted16(base, keeper)) {
            long tx = cp.startTransaction(1, "TAG-K", 10_000, t0);
            cp.meterValues(1, tx, t0.plusSeconds(60), "10700", "Wh", 7000);
            cp.stopTransaction(tx, 11_000, t0.plusSeconds(120), "Local");
        }
        String before = TestServer.get("/api/v1/sessions?chargerId=" + keeper, VIEWER_TOKEN).body();

        for (String protocol : List.of("ocpp1.6", "ocpp2.0.1")) {
            FrameFuzzer.Report report = FrameFuzzer.run(TestServer.wsUrl(base) + "/ocpp",
                    TestServer.uniqueId("FUZZ"), 8, 3_000, Instant.now().toEpochMilli(), Duration.ofSeconds(90),
                    protocol);
            System.out.println("FuzzIT " + protocol + ": " + report);
            assertTrue(report.violations().isEmpty(), protocol + ": " + report);
            assertEquals(0, report.unanswered(), protocol + ": " + report);
            assertFalse(report.codes().containsKey("InternalError"), protocol + ": " + report);
            assertTrue(report.results() > 0 && report.callErrors() > 0, "both kinds of answer seen: " + report);
        }

        assertEquals(200, TestServer.get("/health/ready", null).status());
        assertEquals(before, TestServer.get("/api/v1/sessions?chargerId=" + keeper, VIEWER_TOKEN).body(),
                "the stored session is untouched");
        JsonObject session = TestServer.get("/api/v1/sessions?chargerId=" + keeper, VIEWER_TOKEN).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(1_000, session.getJsonNumber("energyWh").longValue());
    }
}
