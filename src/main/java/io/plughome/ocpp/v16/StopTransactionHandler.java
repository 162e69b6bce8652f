package io.plughome.ocpp.v16;

import io.plughome.authorization.IdTags;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import io.plughome.session.SessionService;
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

    public record Request(@Lenient(maxLength = 20, keepUpTo = ChargingSession.ID_TAG_MAX) String idTag,
            @NotNull @Lenient Long meterStop,
            @NotNull Instant timestamp, @NotNull Long transactionId, String reason,
            List<Types.@Valid MeterValue> transactionData) {
    }

    public record Response(Types.IdTagInfo idTagInfo) {
    }

    @Inject
    SessionService sessions;

    @Inject
    IdTags idTags;

    Response handle(CallContext context, Request r) {
        String reason = context.deviations().fit(SampledValues.known(r.reason(), REASONS, Deviations.UNKNOWN_VALUE,
                context.deviations()), ChargingSession.STOP_REASON_MAX, "reason");
        SessionService.Outcome outcome = sessions.stopped(context.chargerId(), r.transactionId(), r.meterStop(),
                r.timestamp(), reason, r.idTag(), SampledValues.toReadings(r.transactionData(), context.deviations()));
        if (!outcome.transactionMatched()) {
            context.deviations().add(Deviations.TRANSACTION_ID_UNKNOWN, "StopTransaction transactionId=" + r.transactionId());
        }
        return new Response(r.idTag() == null ? null : Types.IdTagInfo.of(idTags.verdict(r.idTag())));
    }
}
