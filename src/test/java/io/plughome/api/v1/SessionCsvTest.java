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

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        SessionView s = new SessionView(8, "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1)", 1, "+cmd|' /C calc'!A0",
                null, "-2+3", Instant.parse("2026-11-24T18:00:00Z"), null, false, 100L, null, 0L, "\t=1",
                new java.math.BigDecimal("-0.50"), " =1+1", null, null, null, null, false);
        String[] row = SessionCsv.write(List.of(s)).split("\r\n")[1].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", row[1]);
        assertEquals("'@SUM(1)", row[2]);
        assertEquals("'+cmd|' /C calc'!A0", row[4]);
        assertEquals("'-2+3", row[5]);
        assertEquals("'\t=1", row[11]);
        assertEquals("-0.50", row[12], "a number stays a number");
        assertEquals("' =1+1", row[13]);
        assertEquals("plain", Csv.neutralised("plain"));
        assertEquals("'\uFF1D1+1", Csv.neutralised("\uFF1D1+1"));
    }
}
