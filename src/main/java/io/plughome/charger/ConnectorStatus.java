package io.plughome.charger;

import java.time.Instant;

/** A status report for one connector, in the words of the charger's protocol (e.g. "Charging", "NoError"). */
public record ConnectorStatus(int connectorId, String status, String errorCode, String info, String vendorId,
        String vendorErrorCode, Instant at) {
}
