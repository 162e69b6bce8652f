package io.plughome.ocpp.v16;

import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Deviations;
import io.plughome.session.TransactionReport;
import io.plughome.session.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** MeterValues: every sampled value stored, the session's live energy and power updated, then answered. */
@ApplicationScoped
public class MeterValuesHandler {

    public record Request(@NotNull @Min(0) Integer connectorId, Long transactionId,
            @NotNull @Size(min = 1) List<Types.@Valid MeterValue> meterValue) {
    }

    public record Response() {
    }

    @Inject
    TransactionReports reports;

    Response handle(CallContext context, Request r) {
        TransactionReports.Reported reported = reports.report(TransactionReport.of(TransactionReport.Kind.UPDATED,
                context.chargerId(), TransactionReport.Ids.SERVER).connector(r.connectorId())
                .transaction(r.transactionId() == null ? null : r.transactionId().toString())
                .readings(SampledValues.toReadings(r.meterValue(), context.deviations())).build());
        if (!reported.transactionMatched()) {
            context.deviations().add(Deviations.TRANSACTION_ID_UNKNOWN, "MeterValues transactionId=" + r.transactionId());
        }
        return new Response();
    }
}
