package io.plughome.api.v1;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live events (server-sent events) for dashboards. */
@Path("v1/events")
@RequestScoped
@Tag(name = "Events", description = "Live status, meter values, sessions and command results")
public class EventsResource {

    /** The event types a client can ask for. */
    public static final Set<String> TYPES = Set.of("charger.online", "charger.offline", "charger.status",
            "charger.fault", "session.started", "session.stopped", "meter.values", "command.result",
            "charger.removed");

    @Inject
    EventStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live events", description = "A text/event-stream of charger.online, charger.offline,"
            + " charger.status, charger.fault, session.started, session.stopped, meter.values (live power and energy"
            + " of a session), command.result and charger.removed. Each event's data is {\"id\", \"event\", \"at\", \"chargerId\","
            + " \"data\"}. A browser EventSource cannot send headers, so this endpoint also takes the token as"
            + " ?access_token=.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "429", description = "The token has PLUGHOME_EVENTS_STREAMS_PER_TOKEN (10) streams"
            + " open, or the server PLUGHOME_EVENTS_STREAMS_MAX (100)")
    public void events(@Parameter(description = "Only this charger's events") @QueryParam("chargerId") String chargerId,
            @Parameter(description = "Only these event types, comma-separated") @QueryParam("types") String types,
            @Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        Set<String> wanted = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        for (String type : wanted) {
            if (!TYPES.contains(type)) {
                throw ApiError.badRequest("Unknown event type '" + type + "'; types are "
                        + TYPES.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        try {
            stream.subscribe(new EventStream.Subscriber(sink, sse, security.getUserPrincipal().getName(),
                    Params.blankToNull(chargerId), wanted));
        } catch (EventStream.TooManyStreams e) {
            throw new jakarta.ws.rs.WebApplicationException(e.getMessage(), jakarta.ws.rs.core.Response.fromResponse(
                    ApiError.response(429, "TooManyStreams", e.getMessage())).header("Retry-After", "30").build());
        }
    }
}
