package io.plughome.api.v1;

import io.plughome.control.AuditEntry;
import io.plughome.control.AuditLog;
import io.plughome.control.AuditQuery;
import io.plughome.control.Outcome;
import io.plughome.control.Redaction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: who asked which control action, when, and how it ended. */
@Path("v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every control and configuration action, newest first")
public class AuditResource {

    /** One audit entry on the wire. */
    @Schema(name = "AuditEntry")
    public record AuditView(long id, Instant at,
            @Schema(description = "The token name that asked") String actor,
            @Schema(description = "admin or viewer") String actorRole,
            String chargerId,
            @Schema(description = "RemoteStart, RemoteStop, Reset, Unlock, ChangeAvailability, GetConfiguration,"
                    + " ChangeConfiguration, Trigger, UpdateCharger, CreateToken, DeleteToken") String action,
            @Schema(description = "What was asked, as JSON") JsonValue request,
            @Schema(description = "Accepted, Rejected, Offline, Timeout or Error") String outcome,
            @Schema(description = "The charger's status word, or the error") String detail,
            @Schema(description = "How long the charger took to answer") Long durationMs) {

        /** Masked again as it is read: entries written before masking existed hold secrets. */
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id(), e.at(), e.actor(), e.actorRole(), e.chargerId(), e.action(),
                    Redaction.auditRequest(e.action(), json(e.request())), e.outcome(), Redaction.text(e.detail()), e.durationMs());
        }

        private static JsonValue json(String text) {
            if (text == null) {
                return JsonValue.NULL;
            }
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            } catch (JsonException e) {
                return Json.createValue(text);
            }
        }
    }

    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "Audit log", description = "Control and configuration actions, newest first, filtered and paged.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    public Page<AuditView> list(
            @Parameter(description = "Only this charger") @QueryParam("chargerId") String chargerId,
            @Parameter(description = "Only this action, e.g. RemoteStart") @QueryParam("action") String action,
            @Parameter(description = "Only this token name") @QueryParam("actor") String actor,
            @Parameter(description = "Accepted, Rejected, Offline, Timeout or Error") @QueryParam("outcome")
            String outcome,
            @Parameter(description = "At or after (ISO-8601 instant or date)") @QueryParam("from") String from,
            @Parameter(description = "Before (ISO-8601 instant or date)") @QueryParam("to") String to,
            @Parameter(description = "Page size (1-1000)") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000)
            int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        AuditQuery query = new AuditQuery(Params.blankToNull(chargerId), Params.blankToNull(action),
                Params.blankToNull(actor), outcome(outcome), Params.instant("from", from), Params.instant("to", to),
                offset, limit);
        return new Page<>(audit.search(query).stream().map(AuditView::of).toList(), audit.count(query));
    }

    private static Outcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.fromWire(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("outcome must be Accepted, Rejected, Offline, Timeout or Error, not '" + value
                    + "'");
        }
    }
}
