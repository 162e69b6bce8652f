package io.plughome.ocpp.v16;

import io.plughome.authorization.IdTags;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

/**
 * Authorize: the home default, {@code PLUGHOME_AUTHORIZATION=accept-all}, accepts every idTag
 * (a private garage); {@code list} answers from the owner's idTags.
 */
@ApplicationScoped
public class AuthorizeHandler {

    public record Request(@NotNull @Lenient(maxLength = 20, keepUpTo = ChargingSession.ID_TAG_MAX) String idTag) {
    }

    public record Response(Types.IdTagInfo idTagInfo) {
    }

    @Inject
    IdTags idTags;

    Response handle(CallContext context, Request request) {
        return new Response(Types.IdTagInfo.of(idTags.verdict(request.idTag())));
    }
}
