package io.plughome.ocpp.v201;

import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Heartbeat: the server's time (presence is noted for every frame, not here). */
@ApplicationScoped
public class HeartbeatHandler {

    public record Request() {
    }

    public record Response(Instant currentTime) {
    }

    @Inject
    Clock clock;

    Response handle(CallContext context, Request r) {
        return new Response(clock.instant());
    }
}
