package io.plughome.charger;

import java.time.Instant;

/**
 * A status report for one connector, in PlugHome's words: its state, its fault ({@link
 * Fault#NoError} when none), and the charger's own details. {@code evseId} and
 * {@code evseConnectorId} place the connector in the charger's EVSEs (for 1.6: EVSE
 * {@code connectorId}, its connector 1; the charger itself is EVSE 0). A state of null means
 * "occupied" without the detail (2.0.1 Occupied): the connector keeps the occupied state it is
 * in. A fault of null leaves the fault as it was.
 */
public record ConnectorStatus(int connectorId, int evseId, Integer evseConnectorId, ConnectorState state, Fault fault,
        String info, String vendorId, String vendorErrorCode, Instant at) {

    /** A 1.6-shaped report: connector N is EVSE N with one connector. */
    public static ConnectorStatus ofConnector(int connectorId, ConnectorState state, Fault fault, String info,
            String vendorId, String vendorErrorCode, Instant at) {
        return new ConnectorStatus(connectorId, connectorId, connectorId == 0 ? null : 1, state, fault, info, vendorId,
                vendorErrorCode, at);
    }
}
