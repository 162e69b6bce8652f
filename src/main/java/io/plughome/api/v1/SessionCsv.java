package io.plughome.api.v1;

import java.util.List;
import java.util.function.Function;

/** Sessions as CSV (RFC 4180): a header naming every column, one row per session, CRLF line ends. */
final class SessionCsv {

    private record Column(String name, Function<SessionView, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", SessionView::id),
            new Column("transactionId", SessionView::transactionId),
            new Column("chargerId", SessionView::chargerId),
            new Column("connectorId", SessionView::connectorId),
            new Column("idTag", SessionView::idTag),
            new Column("startedAt", SessionView::startedAt),
            new Column("stoppedAt", SessionView::stoppedAt),
            new Column("meterStartWh", SessionView::meterStartWh),
            new Column("meterStopWh", SessionView::meterStopWh),
            new Column("energyWh", SessionView::energyWh),
            new Column("stopReason", SessionView::stopReason),
            new Column("costEstimate", SessionView::costEstimate),
            new Column("startedUnseen", SessionView::startedUnseen));

    private SessionCsv() {
    }

    static String write(List<SessionView> sessions) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", COLUMNS.stream().map(Column::name).toList())).append("\r\n");
        for (SessionView session : sessions) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object value = COLUMNS.get(i).value().apply(session);
                csv.append(field(value == null ? "" : value.toString()));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
