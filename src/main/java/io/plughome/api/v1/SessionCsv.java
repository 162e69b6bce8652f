package io.plughome.api.v1;

import java.util.List;

/** Sessions as CSV: every field of a session, one row each. */
final class SessionCsv {

    private static final Csv<SessionView> CSV = new Csv<>(List.of(
            new Csv.Column<>("id", SessionView::id),
            new Csv.Column<>("transactionId", SessionView::transactionId),
            new Csv.Column<>("chargerId", SessionView::chargerId),
            new Csv.Column<>("connectorId", SessionView::connectorId),
            new Csv.Column<>("idTag", SessionView::idTag),
            new Csv.Column<>("authorization", SessionView::authorization),
            new Csv.Column<>("startedAt", SessionView::startedAt),
            new Csv.Column<>("stoppedAt", SessionView::stoppedAt),
            new Csv.Column<>("meterStartWh", SessionView::meterStartWh),
            new Csv.Column<>("meterStopWh", SessionView::meterStopWh),
            new Csv.Column<>("energyWh", SessionView::energyWh),
            new Csv.Column<>("stopReason", SessionView::stopReason),
            new Csv.Column<>("costEstimate", SessionView::costEstimate),
            new Csv.Column<>("currency", SessionView::currency),
            new Csv.Column<>("startedUnseen", SessionView::startedUnseen)));

    private SessionCsv() {
    }

    static String write(List<SessionView> sessions) {
        return CSV.write(sessions);
    }
}
