package io.plughome.ocpp.v16;

import io.plughome.authorization.IdToken;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import io.plughome.session.StopReason;
import io.plughome.session.TransactionReport;
import io.plughome.session.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * StopTransaction: the session is closed with its final reading and reason, and its transaction
 * data stored, before the answer goes out. A stop for an unknown transaction is recorded too.
 */
@ApplicationScoped
public class StopTransactionHandler {

    static final Set<String> REASONS = Set.of("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other",
            "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized");

    /** Transaction ids a charger sends when it lost the real one (0, negative, beyond 32 bits). */
    private static final long MAX_TRANSACTION_ID = Integer.MAX_VALUE;

    /**
     * The 1.6 reason as PlugHome's: the names are the same; a misspelt case is corrected, an
     * unknown reason is Other, each counted (the deviation keeps the charger's word). No reason is
     * Local, as 1.6 says.
     */
    static StopReason reason(String reason, Deviations deviations) {
        if (reason == null) {
            return StopReason.Local;
        }
        String known = SampledValues.known(reason, REASONS, Deviations.UNKNOWN_VALUE, deviations);
        return REASONS.contains(known) ? StopReason.valueOf(known) : StopReason.Other;
    }

    public record Request(@Lenient(maxLength = 20, keepUpTo = ChargingSession.ID_TAG_MAX) String idTag,
            @NotNull @Lenient Long meterStop,
            @NotNull Instant timestamp, @NotNull Long transactionId, String reason,
            List<Types.@Valid MeterValue> transactionData) {
    }

    public record Response(Types.IdTagInfo idTagInfo) {
    }

    @Inject
    TransactionReports reports;

    Response handle(CallContext context, Request r) {
        boolean lost = r.transactionId() <= 0 || r.transactionId() > MAX_TRANSACTION_ID;
        TransactionReports.Reported reported = reports.report(TransactionReport.of(TransactionReport.Kind.ENDED,
                context.chargerId(), lost ? TransactionReport.Ids.SERVER_LOST : TransactionReport.Ids.SERVER)
                .transaction(r.transactionId().toString()).register(r.meterStop()).at(r.timestamp())
                .stopReason(reason(r.reason(), context.deviations()))
                .token(r.idTag() == null ? null : IdToken.untyped(r.idTag()))
                .readings(SampledValues.toReadings(r.transactionData(), context.deviations())).build());
        if (!reported.transactionMatched()) {
            context.deviations().add(Deviations.TRANSACTION_ID_UNKNOWN, "StopTransaction transactionId=" + r.transactionId());
        }
        return new Response(reported.verdict() == null ? null : Types.IdTagInfo.of(reported.verdict()));
    }
}
