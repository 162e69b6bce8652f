package io.plughome.ocpp.v201;

import io.plughome.charger.BootInfo;
import io.plughome.charger.ChargerService;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * BootNotification: the station's identity stored as 1.6's is, registration answered by the same
 * policy (Pending until approved), heartbeat interval from config.
 */
@ApplicationScoped
public class BootNotificationHandler {

    public enum BootReason {
        ApplicationReset, FirmwareUpdate, LocalReset, PowerUp, RemoteReset, ScheduledReset, Triggered, Unknown,
        Watchdog
    }

    public record Modem(@Size(max = 20) String iccid, @Size(max = 20) String imsi) {
    }

    public record ChargingStation(@Size(max = 25) String serialNumber, @NotNull @Size(max = 20) String model,
            @Valid Modem modem, @NotNull @Size(max = 50) String vendorName, @Size(max = 50) String firmwareVersion) {
    }

    public record Request(@NotNull @Valid ChargingStation chargingStation, @NotNull BootReason reason) {
    }

    public record Response(Instant currentTime, int interval, Types.RegistrationStatus status,
            Types.StatusInfo statusInfo) {
    }

    @Inject
    ChargerService chargers;

    Response handle(CallContext context, Request r) {
        ChargingStation cs = r.chargingStation();
        ChargerService.BootDecision decision = chargers.booted(context.chargerId(), new BootInfo(cs.vendorName(),
                cs.model(), cs.serialNumber(), null, cs.firmwareVersion(), cs.modem() == null ? null : cs.modem().iccid(),
                cs.modem() == null ? null : cs.modem().imsi(), null, null));
        Types.RegistrationStatus status = switch (decision.registration()) {
            case ACCEPTED -> Types.RegistrationStatus.Accepted;
            case PENDING -> Types.RegistrationStatus.Pending;
            case REJECTED -> Types.RegistrationStatus.Rejected;
        };
        return new Response(decision.currentTime(), decision.heartbeatInterval(), status, null);
    }
}
