package io.plughome.api.v1;

import io.plughome.automation.Webhook;
import io.plughome.automation.WebhookDelivery;
import io.plughome.automation.Webhooks;
import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import io.plughome.control.Redaction;
import io.plughome.platform.EventEnvelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions, their deliveries and a test ping (admin only). */
@Path("v1/webhooks")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed POSTs of events to the owner's own services, from a persisted outbox")
public class WebhooksResource {

    @Schema(name = "Webhook")
    public record WebhookView(Long id, String url,
            @Schema(description = "The events sent; \"*\" stands for all but meter.values") List<String> events, Instant createdAt,
            String createdBy, @Schema(description = "The newest delivery, or null") DeliveryView lastDelivery,
            @Schema(description = "The secret: only in the answer that made the webhook") String secret) {

        static WebhookView of(Webhook w, WebhookDelivery last, String secret) {
            return new WebhookView(w.id(), w.url(), w.events(), w.createdAt(), w.createdBy(),
                    last == null ? null : DeliveryView.of(last), secret);
        }
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(Long id, @Schema(description = "X-PlugHome-Delivery: the event's id") String eventId,
            String event, String chargerId,
            @Schema(description = "PENDING (to be tried, or retried), DELIVERED or FAILED (no attempts left)")
            String status, int attempts, Instant createdAt, Instant lastAttemptAt,
            @Schema(description = "The receiver's HTTP status; null when it did not answer") Integer lastStatusCode,
            String lastError, @Schema(description = "When it is tried again; null once done") Instant nextAttemptAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.event(), d.chargerId(), d.status().name(), d.attempts(),
                    d.createdAt(), d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt());
        }
    }

    @Inject
    Webhooks webhooks;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "All webhooks", description = "With each one's newest delivery; never the secrets.")
    public Page<WebhookView> list() {
        List<WebhookView> items = webhooks.list().stream().map(w -> WebhookView.of(w,
                webhooks.deliveries(w.id(), 0, 1).stream().findFirst().orElse(null), null)).toList();
        return new Page<>(items, items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe", description = "Body: {\"url\": \"http://...\", \"events\": [\"session.started\","
            + " ...] or [\"*\"] (or \"*\"), \"secret\": optional, 16-200 characters}. Events: "
            + "charger.online, charger.offline, charger.status, charger.fault, session.started, session.stopped,"
            + " command.result, charger.removed (all of them: \"*\"), and meter.values, sent only when named"
            + " ([\"*\", \"meter.values\"] for everything). A refusal with a 4xx status (but 408, 425, 429) is"
            + " not tried again. Without a secret one is made. The answer shows the secret once.")
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in this answer only")
    @APIResponse(responseCode = "400", description = "A bad URL, event or secret")
    public Response create(@NotNull JsonObject body, @Context UriInfo uri) {
        Webhooks.Created created;
        try {
            created = webhooks.create(text(body, "url"), events(body.get("events")), text(body, "secret"),
                    Callers.actor(security).name());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Webhook w = created.webhook();
        audit.record(Callers.actor(security), null, "CreateWebhook", Map.of("url", Redaction.webhookUrl(w.url()),
                "events", w.events()),
                Outcome.ACCEPTED, "webhook " + w.id(), null);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(w.id())).build())
                .entity(WebhookView.of(w, null, created.secret())).build();
    }

    private static String text(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw ApiError.badRequest(field + " must be a string");
    }

    private static List<String> events(JsonValue v) {
        if (v instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (v instanceof JsonArray a) {
            List<String> names = new ArrayList<>();
            for (JsonValue e : a) {
                if (!(e instanceof JsonString s)) {
                    throw ApiError.badRequest("events must be strings");
                }
                names.add(s.getString());
            }
            return names;
        }
        return null;
    }

    @DELETE
    @Path("{webhookId}")
    @Operation(summary = "Unsubscribe", description = "Its pending deliveries go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public Response delete(@PathParam("webhookId") long id) {
        if (!webhooks.delete(id)) {
            throw ApiError.notFound("No webhook " + id);
        }
        audit.record(Callers.actor(security), null, "DeleteWebhook", Map.of("id", id), Outcome.ACCEPTED, null, null);
        return Response.noContent().build();
    }

    @GET
    @Path("{webhookId}/deliveries")
    @Operation(summary = "Recent deliveries", description = "Newest first: event, status, attempts, the receiver's"
            + " last status code or error, and the next retry.")
    public Page<DeliveryView> deliveries(@PathParam("webhookId") long id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        known(id);
        return new Page<>(webhooks.deliveries(id, offset, limit).stream().map(DeliveryView::of).toList(),
                webhooks.deliveryCount(id));
    }

    @POST
    @Path("{webhookId}/test")
    @Operation(summary = "Send a ping", description = "Queues a 'ping' event for this webhook only; its delivery"
            + " shows in /deliveries within seconds.")
    @APIResponse(responseCode = "202", description = "Queued: the delivery, to follow in /deliveries")
    public Response test(@PathParam("webhookId") long id) {
        Webhook w = known(id);
        String eventId = UUID.randomUUID().toString();
        String body = EventEnvelope.json(eventId, Webhook.PING, Instant.now(), null,
                Map.of("webhookId", id, "message", "PlugHome webhook test"));
        return Response.accepted(DeliveryView.of(webhooks.ping(w, eventId, body))).build();
    }

    private Webhook known(long id) {
        return webhooks.byId(id).orElseThrow(() -> ApiError.notFound("No webhook " + id));
    }
}
