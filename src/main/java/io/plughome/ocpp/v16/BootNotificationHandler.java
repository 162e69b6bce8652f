package io.plughome.ocpp.v16;

import io.plughome.charger.BootInfo;
import io.plughome.charger.ChargerService;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** BootNotification: identity stored, registration answered by policy, heartbeat interval from config. */
@ApplicationScoped
public class BootNotificationHandler {

    public record Request(@NotNull @Size(max = 20) String chargePointVendor,
            @NotNull @Size(max = 20) String chargePointModel, @Size(max = 25) String chargePointSerialNumber,
            @Size(max = 25) String chargeBoxSerialNumber, @Size(max = 50) String firmwareVersion,
            @Size(max = 20) String iccid, @Size(max = 20) String imsi, @Size(max = 25) String meterType,
            @Size(max = 25) String meterSerialNumber) {
    }

    public record Response(Types.RegistrationStatus status, Instant currentTime, int interval) {
    }

    @Inject
    ChargerService chargers;

    Response handle(CallContext context, Request r) {
        ChargerService.BootDecision decision = chargers.booted(context.chargerId(),
                new BootInfo(r.chargePointVendor(), r.chargePointModel(), r.chargePointSerialNumber(),
                        r.chargeBoxSerialNumber(), r.firmwareVersion(), r.iccid(), r.imsi(), r.meterType(),
                        r.meterSerialNumber()));
        Types.RegistrationStatus status = switch (decision.registration()) {
            case ACCEPTED -> Types.RegistrationStatus.Accepted;
            case PENDING -> Types.RegistrationStatus.Pending;
            case REJECTED -> Types.RegistrationStatus.Rejected;
        };
        return new Response(status, decision.currentTime(), decision.heartbeatInterval());
    }
}
