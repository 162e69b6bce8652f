package io.plughome.api.v1;

import io.plughome.insight.Insights;
import io.plughome.insight.Tariff;
import io.plughome.session.MeterSample;
import io.plughome.session.SessionQuery;
import io.plughome.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Charging history, as JSON or CSV. */
@Path("v1/sessions")
@RequestScoped
@Tag(name = "Sessions", description = "Charging sessions: history, live progress and CSV export")
public class SessionsResource {

    public static final String TEXT_CSV = Csv.TEXT_CSV;
    private static final int CSV_MAX_ROWS = 1_000_000;

    @Inject
    SessionService sessions;

    @Inject
    Insights insights;

    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(summary = "Session history", description = "Sessions that started in [from, to), newest first."
            + " JSON by default; 'Accept: text/csv' or '?format=csv' exports CSV (all matching rows unless limit is given).")
    @APIResponse(responseCode = "200", description = "A page of sessions, or CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)),
                @Content(mediaType = TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter could not be read",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response list(
            @Parameter(description = "Only this charger") @QueryParam("chargerId") String chargerId,
            @Parameter(description = "Started at or after (ISO-8601 instant, or a date taken as UTC midnight)")
            @QueryParam("from") String from,
            @Parameter(description = "Started before (ISO-8601 instant, or a date)") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1-1000 (default 100 for JSON, all rows for CSV)")
            @QueryParam("limit") @Min(1) @Max(CSV_MAX_ROWS) Integer limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @Min(0) Integer offset,
            @Parameter(description = "'csv' for a CSV export") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(format, headers);
        int pageSize = limit != null ? limit : csv ? CSV_MAX_ROWS : 100;
        if (!csv && pageSize > 1000) {
            throw ApiError.badRequest("limit must be at most 1000 for JSON; use the CSV export for more");
        }
        SessionQuery query = new SessionQuery(Params.blankToNull(chargerId), Params.instant("from", from), Params.instant("to", to),
                offset == null ? 0 : offset, pageSize);
        Tariff tariff = insights.tariff().orElse(null);
        List<SessionView> page = sessions.search(query).stream().map(s -> SessionView.of(s, tariff)).toList();
        if (csv) {
            return Response.ok(SessionCsv.write(page), TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"plughome-sessions.csv\"").build();
        }
        return Response.ok(new Page<>(page, sessions.count(query)), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One session", description = "With live energy, power and current while it is active.")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public SessionView get(@PathParam("id") long id) {
        Tariff tariff = insights.tariff().orElse(null);
        return sessions.byId(id).map(s -> SessionView.of(s, tariff)).orElseThrow(() -> ApiError.notFound("No session " + id));
    }

    /** A stored sampled value of a session. */
    @Schema(name = "MeterValue")
    public record MeterValueView(Instant at, String measurand, String phase, String location, String context,
            String unit, String value, @Schema(description = "In the base unit: Wh, W, A, V, %") Double baseValue) {

        static MeterValueView of(MeterSample m) {
            return new MeterValueView(m.sampledAt(), m.measurand(), m.phase(), m.location(), m.context(), m.unit(),
                    m.rawValue(), m.numericValue());
        }
    }

    @GET
    @Path("{id}/meter-values")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Meter values of a session",
            description = "Every sampled value the charger reported for the session, oldest first: for progress charts.")
    @APIResponse(responseCode = "200", description = "The session's sampled values, oldest first")
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<MeterValueView> meterValues(@PathParam("id") long id) {
        sessions.byId(id).orElseThrow(() -> ApiError.notFound("No session " + id));
        List<MeterValueView> values = sessions.samples(id).stream().map(MeterValueView::of).toList();
        return new Page<>(values, values.size());
    }

    @Schema(name = "PowerPoint")
    public record PowerPointView(Instant at, @Schema(description = "W") double powerW) {
    }

    @GET
    @Path("{id}/power")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A session's power curve", description = "Its power over time from the stored readings (the"
            + " charger's power readings, or what its energy register implies), averaged to at most 'points' points"
            + " (default 300, 2 to 2000), oldest first: for the dashboard's curve.")
    @APIResponse(responseCode = "200", description = "The curve")
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<PowerPointView> power(@PathParam("id") long id,
            @QueryParam("points") @jakarta.validation.constraints.Min(2) @jakarta.validation.constraints.Max(2000)
            Integer points) {
        sessions.byId(id).orElseThrow(() -> ApiError.notFound("No session " + id));
        List<PowerPointView> curve = io.plughome.session.PowerCurve.of(sessions.samples(id), points == null ? 300
                : points).stream().map(p -> new PowerPointView(p.at(), Math.round(p.powerW() * 10) / 10.0)).toList();
        return new Page<>(curve, curve.size());
    }
}
