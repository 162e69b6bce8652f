package io.plughome.ocpp.v201;

import io.plughome.charger.ChargerService;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import io.plughome.files.FileStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

/** LogStatusNotification: the log upload's state, kept where 1.6 keeps its diagnostics status. */
@ApplicationScoped
public class LogStatusNotificationHandler {

    public enum UploadLogStatus {
        BadMessage, Idle, NotSupportedOperation, PermissionDenied, Uploaded, UploadFailure, Uploading,
        AcceptedCanceled
    }

    public record Request(@NotNull UploadLogStatus status, Integer requestId) {
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
