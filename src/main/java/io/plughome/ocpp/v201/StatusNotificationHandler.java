package io.plughome.ocpp.v201;

import io.plughome.charger.ChargerService;
import io.plughome.charger.ConnectorState;
import io.plughome.charger.ConnectorStatus;
import io.plughome.charger.Fault;
import io.plughome.ocpp.CallContext;
import io.plughome.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;

/**
 * StatusNotification: one connector of one EVSE. 2.0.1 has five states; Occupied says a vehicle
 * is plugged in, and whether it charges comes in the transaction's events, so it keeps the
 * occupied state the connector is in (Preparing when it was free). A connector that is no longer
 * Faulted has no fault; faults themselves come as NotifyEvent.
 */
@ApplicationScoped
public class StatusNotificationHandler {

    public enum ConnectorStatusEnum { Available, Occupied, Reserved, Unavailable, Faulted }

    public record Request(@NotNull Instant timestamp, @NotNull ConnectorStatusEnum connectorStatus,
            @NotNull @Min(0) Integer evseId, @NotNull @Min(0) Integer connectorId) {
    }

    public record Response() {
    }

    @Inject
    ChargerService chargers;

    @Inject
    Clock clock;

    Response handle(CallContext context, Request r) {
        Instant at = Timestamps.chargerOrServer(r.timestamp(), clock.instant());
        int number = chargers.connectorNumber(context.chargerId(), r.evseId(), r.connectorId());
        chargers.statusReported(context.chargerId(), new ConnectorStatus(number, r.evseId(), r.connectorId(),
                state(r.connectorStatus()), r.connectorStatus() == ConnectorStatusEnum.Faulted ? null : Fault.NoError,
                null, null, null, at));
        return new Response();
    }

    /** The 2.0.1 status in PlugHome's words; null for Occupied (see the class comment). */
    static ConnectorState state(ConnectorStatusEnum status) {
        return switch (status) {
            case Available -> ConnectorState.Available;
            case Occupied -> null;
            case Reserved -> ConnectorState.Reserved;
            case Unavailable -> ConnectorState.Unavailable;
            case Faulted -> ConnectorState.Faulted;
        };
    }
}
