package io.plughome.ocpp.v16;

import io.plughome.charger.ChargerService;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import io.plughome.files.FileStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

/** DiagnosticsStatusNotification: the upload state is kept on the charger. */
@ApplicationScoped
public class DiagnosticsStatusNotificationHandler {

    public record Request(@NotNull Types.DiagnosticsStatus status) {
    }

    public record Response() {
    }

    @Inject
    ChargerService chargers;

    @Inject
    FileStore files;

    Response handle(CallContext context, Request r) {
        chargers.diagnosticsStatus(context.chargerId(), r.status().name());
        files.uploadReported(context.chargerId(), r.status().name());
        return new Response();
    }
}
