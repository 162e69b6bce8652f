package io.plughome.ocpp.v16;

import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

/**
 * Authorize: the home default, {@code PLUGHOME_AUTHORIZATION=accept-all}, accepts every idTag
 * (a private garage). The idTag allow-list mode is a later capability.
 */
@ApplicationScoped
public class AuthorizeHandler {

    public record Request(@NotNull @Lenient(maxLength = 20) String idTag) {
    }

    public record Response(Types.IdTagInfo idTagInfo) {
    }

    Response handle(CallContext context, Request request) {
        return new Response(Types.IdTagInfo.accepted());
    }
}
