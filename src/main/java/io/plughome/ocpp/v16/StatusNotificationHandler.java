package io.plughome.ocpp.v16;

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
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;

/** StatusNotification: the status of one connector (0 = the charger itself) with its error details. */
@ApplicationScoped
public class StatusNotificationHandler {

    public record Request(@NotNull @Min(0) Integer connectorId, @NotNull Types.ChargePointErrorCode errorCode,
            @Size(max = 50) String info, @NotNull Types.ChargePointStatus status, Instant timestamp,
            @Size(max = 255) String vendorId, @Size(max = 50) String vendorErrorCode) {
    }

    public record Response() {
    }

    @Inject
    ChargerService chargers;

    @Inject
    Clock clock;

    Response handle(CallContext context, Request r) {
        Instant at = Timestamps.chargerOrServer(r.timestamp(), clock.instant());
        chargers.statusReported(context.chargerId(), ConnectorStatus.ofConnector(r.connectorId(),
                ConnectorState.valueOf(r.status().name()), Fault.valueOf(r.errorCode().name()), r.info(), r.vendorId(),
                r.vendorErrorCode(), at));
        return new Response();
    }
}
