package io.plughome.ocpp.v201;

import io.plughome.authorization.IdTags;
import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Authorize: answered from the owner's idTags as for 1.6 ({@code PLUGHOME_AUTHORIZATION}); the
 * idTag's group goes out as groupIdToken. Certificates (ISO 15118 Plug and Charge) are not
 * checked by PlugHome: without a certificate status the charger decides by the token alone.
 */
@ApplicationScoped
public class AuthorizeHandler {

    public record Request(@NotNull @Valid Types.IdToken idToken, @Size(max = 5500) String certificate,
            @Size(min = 1, max = 4) List<JsonObject> iso15118CertificateHashData) {
    }

    public record Response(Types.IdTokenInfo idTokenInfo, String certificateStatus) {
    }

    @Inject
    IdTags idTags;

    Response handle(CallContext context, Request r) {
        return new Response(Types.IdTokenInfo.of(idTags.verdict(r.idToken().idToken())), null);
    }
}
