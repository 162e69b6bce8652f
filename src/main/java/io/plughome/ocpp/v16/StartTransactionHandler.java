package io.plughome.ocpp.v16;

import io.plughome.authorization.IdToken;
import io.plughome.authorization.IdTags;
import io.plughome.authorization.Verdict;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import io.plughome.session.SessionService;
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
    SessionService sessions;

    @Inject
    IdTags idTags;

    Response handle(CallContext context, Request r) {
        Verdict verdict = idTags.verdict(r.idTag());
        ChargingSession session = sessions.started(new SessionService.Start(context.chargerId(), r.connectorId(),
                r.connectorId(), IdToken.untyped(r.idTag()), r.meterStart(), r.reservationId(), r.timestamp(),
                verdict.status().name(), null));
        return new Response(Types.IdTagInfo.of(verdict), number(session));
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
