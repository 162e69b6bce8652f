package io.plughome.ocpp.v16;

import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.logging.Logger;

/**
 * DataTransfer from a charger: PlugHome implements no vendor extensions, so it answers
 * {@code UnknownVendorId} as the specification prescribes, and logs what arrived.
 */
@ApplicationScoped
public class DataTransferHandler {

    private static final Logger LOG = Logger.getLogger(DataTransferHandler.class.getName());

    public record Request(@NotNull @Size(max = 255) String vendorId, @Size(max = 50) String messageId, String data) {
    }

    public record Response(Types.DataTransferStatus status, String data) {
    }

    Response handle(CallContext context, Request r) {
        LOG.info(() -> "DataTransfer from " + context.chargerId() + ": vendorId=" + r.vendorId() + " messageId="
                + r.messageId());
        return new Response(Types.DataTransferStatus.UnknownVendorId, null);
    }
}
