package io.plughome.ocpp.v16;

import io.plughome.authorization.IdToken;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import io.plughome.session.TransactionReport;
import io.plughome.session.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * StartTransaction: the session is stored (and its transaction id drawn) before the answer goes
 * out, whatever the idTag's status: a session with an idTag that is not accepted is recorded with
 * that status, and the charger stops it (or suspends charging) as OCPP says.
 */
@ApplicationScoped
public class StartTransactionHandler {

    public record Request(@NotNull @Min(1) Integer connectorId,
            @NotNull @Lenient(maxLength = 20, keepUpTo = ChargingSession.ID_TAG_MAX) String idTag,
            @NotNull @Lenient Long meterStart, Integer reservationId, @NotNull Instant timestamp) {
    }

    public record Response(Types.IdTagInfo idTagInfo, long transactionId) {
    }

    @Inject
    TransactionReports reports;

    Response handle(CallContext context, Request r) {
        TransactionReports.Reported reported = reports.report(TransactionReport.of(TransactionReport.Kind.STARTED,
                context.chargerId(), TransactionReport.Ids.SERVER).connector(r.connectorId())
                .token(IdToken.untyped(r.idTag())).register(r.meterStart()).at(r.timestamp())
                .reservation(r.reservationId()).build());
        return new Response(Types.IdTagInfo.of(reported.verdict()), number(reported.session()));
    }

    /** 1.6 sessions have the digits of a number as transaction id; the session's own number otherwise. */
    static long number(ChargingSession session) {
        try {
            return Long.parseLong(session.transactionId());
        } catch (NumberFormatException e) {
            return session.id();
        }
    }
}
