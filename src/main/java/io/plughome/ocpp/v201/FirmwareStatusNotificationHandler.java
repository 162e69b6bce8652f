package io.plughome.ocpp.v201;

import io.plughome.charger.ChargerService;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

/** FirmwareStatusNotification: the update's state kept on the charger, as for 1.6. */
@ApplicationScoped
public class FirmwareStatusNotificationHandler {

    public enum FirmwareStatus {
        Downloaded, DownloadFailed, Downloading, DownloadScheduled, DownloadPaused, Idle, InstallationFailed,
        Installing, Installed, InstallRebooting, InstallScheduled, InstallVerificationFailed, InvalidSignature,
        SignatureVerified
    }

    public record Request(@NotNull FirmwareStatus status, Integer requestId) {
    }

    public record Response() {
    }

    @Inject
    ChargerService chargers;

    Response handle(CallContext context, Request r) {
        chargers.firmwareStatus(context.chargerId(), r.status().name());
        return new Response();
    }
}
