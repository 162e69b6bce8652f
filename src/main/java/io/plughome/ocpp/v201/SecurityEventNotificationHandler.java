package io.plughome.ocpp.v201;

import io.plughome.charger.DeviceModel;
import io.plughome.charger.SecurityEvent;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import io.plughome.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;

/**
 * SecurityEventNotification: stored in the charger's security log, readable at
 * {@code GET /api/v1/chargers/{id}/security-events}.
 */
@ApplicationScoped
public class SecurityEventNotificationHandler {

    public record Request(@NotNull @Lenient(maxLength = 50, keepUpTo = SecurityEvent.TYPE_MAX) String type,
            @NotNull Instant timestamp, @Lenient(maxLength = 255, keepUpTo = SecurityEvent.TECH_INFO_MAX) String techInfo) {
    }

    public record Response() {
    }

    @Inject
    DeviceModel model;

    @Inject
    Clock clock;

    Response handle(CallContext context, Request r) {
        model.securityEvent(context.chargerId(), r.type(), Timestamps.chargerOrServer(r.timestamp(), clock.instant()),
                r.techInfo());
        return new Response();
    }
}
