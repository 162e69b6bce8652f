package io.plughome.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCsvTest {

    @Test
    void quotesFieldsAsRfc4180Says() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
    }

    @Test
    void writesAHeaderAndOneRowPerSession() {
        SessionView s = new SessionView(7, "7", "CP,1", 1, "TAG", null, "Blocked", Instant.parse("2026-11-24T18:00:00Z"),
                Instant.parse("2026-11-24T19:00:00Z"), false, 100L, 7500L, 7400L, "Local", new java.math.BigDecimal("2.22"), "EUR", null,
                null, null, null, false);
        String[] lines = SessionCsv.write(List.of(s)).split("\r\n");
        assertEquals("id,transactionId,chargerId,connectorId,idTag,authorization,startedAt,stoppedAt,meterStartWh,meterStopWh,"
                + "energyWh,stopReason,costEstimate,currency,startedUnseen", lines[0]);
        assertEquals("7,7,\"CP,1\",1,TAG,Blocked,2026-11-24T18:00:00Z,2026-11-24T19:00:00Z,100,7500,7400,Local,2.22,EUR,false", lines[1]);
    }
}
