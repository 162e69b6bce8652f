package io.plughome.ocpp.v16;

import io.plughome.ocpp.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Heartbeat: the charger is alive (the dispatcher already noted it) and learns the time. */
@ApplicationScoped
public class HeartbeatHandler {

    public record Request() {
    }

    public record Response(Instant currentTime) {
    }

    @Inject
    Clock clock;

    Response handle(CallContext context, Request request) {
        return new Response(clock.instant());
    }
}
