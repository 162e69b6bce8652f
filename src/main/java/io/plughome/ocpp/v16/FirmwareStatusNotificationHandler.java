package io.plughome.ocpp.v16;

import io.plughome.charger.ChargerService;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

/** FirmwareStatusNotification: the firmware update state is kept on the charger. */
@ApplicationScoped
public class FirmwareStatusNotificationHandler {

    public record Request(@NotNull Types.FirmwareStatus status) {
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
