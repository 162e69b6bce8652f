package io.plughome.ocpp.v201;

import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.logging.Logger;

/** DataTransfer from a charger: no vendor extensions here, so {@code UnknownVendorId}, as the specification says. */
@ApplicationScoped
public class DataTransferHandler {

    private static final Logger LOG = Logger.getLogger(DataTransferHandler.class.getName());

    public record Request(@Size(max = 50) String messageId, JsonValue data, @NotNull @Size(max = 255) String vendorId) {
    }

    public record Response(Types.DataTransferStatus status, Types.StatusInfo statusInfo, JsonValue data) {
    }

    Response handle(CallContext context, Request r) {
        LOG.info(() -> "DataTransfer from " + context.chargerId() + ": vendorId=" + r.vendorId() + " messageId="
                + r.messageId());
        return new Response(Types.DataTransferStatus.UnknownVendorId, null, null);
    }
}
