package io.plughome.api.v1;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerDeviation;
import io.plughome.charger.Connector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A charger on the wire. */
@Schema(name = "Charger", description = "A charge point and its connectors")
public record ChargerView(
        @Schema(description = "The charge point id it connects with") String id,
        String name,
        @Schema(description = "True while the charger has a live connection") boolean online,
        @Schema(description = "The last time anything was heard from the charger") Instant lastSeen,
        String vendor,
        String model,
        String serialNumber,
        String chargeBoxSerialNumber,
        String firmwareVersion,
        @Schema(description = "OCPP version it speaks, e.g. ocpp1.6") String protocol,
        @Schema(description = "ACCEPTED, PENDING or REJECTED") String registration,
        @Schema(description = "Whether the charger must present a shared secret (never shown)")
        boolean sharedSecretSet,
        Instant firstSeen,
        Instant lastBoot,
        String diagnosticsStatus,
        String firmwareStatus,
        @Schema(description = "Connector 0 is the charger itself") List<ConnectorView> connectors,
        @Schema(description = "The session in progress, or null") SessionView activeSession,
        @Schema(description = "Tolerated deviations from the OCPP specification: kind -> count")
        Map<String, Long> deviations,
        @Schema(description = "All the energy the charger delivered, in Wh: its sessions, the active ones live")
        long totalEnergyWh) {

    /** One connector's status. */
    @Schema(name = "Connector")
    public record ConnectorView(
            @Schema(description = "The number the API addresses the connector by (remote-start, unlock, ...)")
            int connectorId,
            @Schema(description = "The EVSE holding the connector (OCPP 2.0.1); for 1.6 chargers the connector's own"
                    + " number, 0 for the charger itself") Integer evseId,
            @Schema(description = "Available, Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing, Reserved,"
                    + " Unavailable or Faulted, whatever the charger's OCPP version") String status,
            @Schema(description = "NoError, or the fault: ConnectorLockFailure, GroundFailure, OverCurrentFailure,"
                    + " ..., OtherError") String errorCode,
            String info, String vendorId, String vendorErrorCode, Instant updatedAt) {

        static ConnectorView of(Connector c) {
            return new ConnectorView(c.connectorId(), c.evseId() == null ? c.connectorId() : c.evseId(), c.status(),
                    c.errorCode(), c.info(), c.vendorId(), c.vendorErrorCode(), c.updatedAt());
        }
    }

    public static ChargerView of(Charger c, boolean online, Instant lastHeard, List<Connector> connectors,
            SessionView activeSession, List<ChargerDeviation> deviations, long totalEnergyWh) {
        Instant lastSeen = lastHeard != null && (c.lastSeen() == null || lastHeard.isAfter(c.lastSeen())) ? lastHeard
                : c.lastSeen();
        Map<String, Long> counts = new TreeMap<>();
        deviations.forEach(d -> counts.put(d.kind(), d.occurrences()));
        return new ChargerView(c.id(), c.name(), online, lastSeen, c.vendor(), c.model(), c.serialNumber(),
                c.chargeBoxSerialNumber(), c.firmwareVersion(), c.protocol(), c.registration().name(), c.hasSharedSecret(), c.firstSeen(),
                c.lastBoot(), c.diagnosticsStatus(), c.firmwareStatus(),
                connectors.stream().map(ConnectorView::of).toList(), activeSession, counts, totalEnergyWh);
    }
}
