package io.plughome.ocpp.v201;

import io.plughome.ocpp.CallContext;
import io.plughome.session.TransactionReport;
import io.plughome.session.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * MeterValues (outside transactions; readings of a transaction come in its TransactionEvents):
 * stored for the EVSE's connector, in the session open at their time if there is one.
 */
@ApplicationScoped
public class MeterValuesHandler {

    public record Request(@NotNull @Min(0) Integer evseId, @NotNull @Size(min = 1) List<Types.@Valid MeterValue> meterValue) {
    }

    public record Response() {
    }

    @Inject
    TransactionReports reports;

    /** Readings outside a transaction's events: the EVSE's session open at their time gets them. */
    Response handle(CallContext context, Request r) {
        reports.report(TransactionReport.of(TransactionReport.Kind.UPDATED, context.chargerId(),
                TransactionReport.Ids.SERVER).evse(r.evseId(), null)
                .readings(MeterValues201.toReadings(r.meterValue(), context.deviations())).build());
        return new Response();
    }
}
