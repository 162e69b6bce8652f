package io.plughome.api.v1;

import io.plughome.charger.ChargerService;
import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import io.plughome.insight.Costs;
import io.plughome.insight.EnergyBuckets;
import io.plughome.insight.Insights;
import io.plughome.insight.Tariff;
import io.plughome.platform.OwnerZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Energy over time, and the tariff that prices it. */
@Path("v1")
@RequestScoped
@Tag(name = "Energy", description = "Energy and cost per day, week or month; the tariff")
public class InsightResource {

    @Inject
    Insights insights;

    @Inject
    ChargerService chargers;

    @Inject
    OwnerZone owner;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @Schema(name = "EnergyBucket")
    public record BucketView(@Schema(description = "Local start of the period, as an instant") Instant start,
            @Schema(description = "Local end (exclusive)") Instant end,
            @Schema(description = "Energy of the sessions that started in the period") long energyWh,
            @Schema(description = "Their cost at the tariff; null without a tariff") BigDecimal cost,
            String currency, @Schema(description = "How many sessions started in the period") int sessions) {

        static BucketView of(EnergyBuckets.Bucket b) {
            return new BucketView(b.start(), b.end(), b.energyWh(), b.cost(), b.currency(), b.sessions());
        }
    }

    @Schema(name = "Energy")
    public record EnergyView(List<BucketView> items, long total,
            @Schema(description = "day, week (Monday to Monday) or month") String period,
            @Schema(description = "The owner's time zone the periods follow (PLUGHOME_TIMEZONE)") String timeZone,
            @Schema(description = "Only this charger; null for all") String chargerId,
            @Schema(description = "Sum of energyWh over the items") long energyWh,
            @Schema(description = "Sum of cost over the items") BigDecimal cost, String currency) {
    }

    private static final Csv<BucketView> CSV = new Csv<>(List.of(
            new Csv.Column<>("start", BucketView::start),
            new Csv.Column<>("end", BucketView::end),
            new Csv.Column<>("energyWh", BucketView::energyWh),
            new Csv.Column<>("cost", BucketView::cost),
            new Csv.Column<>("currency", BucketView::currency),
            new Csv.Column<>("sessions", BucketView::sessions)));

    @GET
    @Path("energy")
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    @Operation(summary = "Energy and cost per period", description = "Buckets of a day, a week (from Monday) or a"
            + " month in the owner's time zone; a session counts in the bucket in which it started. from and to"
            + " are ISO-8601 instants or dates (a date is local midnight); from is moved back to the start of its"
            + " bucket and to forward to the end of its bucket. Without from: the last 31 days, 12 weeks or 12"
            + " months up to now. 'Accept: text/csv' or '?format=csv' exports CSV.")
    @APIResponse(responseCode = "200", description = "The buckets, oldest first",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnergyView.class)), @Content(mediaType = Csv.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A parameter could not be read, or too many buckets",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such charger",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response energy(
            @Parameter(description = "day, week or month") @QueryParam("period") @DefaultValue("day") String period,
            @Parameter(description = "First bucket holds this instant or date") @QueryParam("from") String from,
            @Parameter(description = "Last bucket holds the instant before this") @QueryParam("to") String to,
            @Parameter(description = "Only this charger") @QueryParam("chargerId") String chargerId,
            @Parameter(description = "'csv' for a CSV export") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        EnergyBuckets.Period p;
        try {
            p = EnergyBuckets.Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        String charger = Params.blankToNull(chargerId);
        if (charger != null && chargers.byId(charger).isEmpty()) {
            throw ApiError.noCharger(charger);
        }
        ZoneId zone = owner.zone();
        Insights.Report report;
        try {
            report = insights.energy(p, local("from", from, zone), local("to", to, zone), charger);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        List<BucketView> items = report.buckets().stream().map(BucketView::of).toList();
        if (Csv.wanted(format, headers)) {
            return Response.ok(CSV.write(items), Csv.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"plughome-energy-" + p.name().toLowerCase()
                            + ".csv\"").build();
        }
        long energy = items.stream().mapToLong(BucketView::energyWh).sum();
        BigDecimal cost = items.stream().map(BucketView::cost).filter(c -> c != null).reduce(BigDecimal::add)
                .orElse(null);
        String currency = items.stream().map(BucketView::currency).filter(c -> c != null).findFirst().orElse(null);
        return Response.ok(new EnergyView(items, items.size(), p.name().toLowerCase(), zone.getId(), charger, energy,
                cost, currency), MediaType.APPLICATION_JSON).build();
    }

    /** An ISO-8601 instant, or a date taken as local midnight in the owner's zone. */
    private static Instant local(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            } catch (DateTimeException notDate) {
                throw ApiError.badRequest(name + " must be an ISO-8601 instant (2026-11-24T18:00:00Z) or a date"
                        + " (2026-11-24), not '" + value + "'");
            }
        }
    }

    @Schema(name = "Tariff", description = "A static price per kWh")
    public record TariffView(
            @Schema(description = "Price per kWh; null until set", example = "0.30") @NotNull @PositiveOrZero
            @DecimalMax("1000") BigDecimal pricePerKwh,
            @Schema(description = "ISO 4217 code", example = "EUR") @NotNull String currency,
            @Schema(readOnly = true) Instant updatedAt) {

        static TariffView of(Tariff t) {
            return t == null ? new TariffView(null, null, null)
                    : new TariffView(t.pricePerKwh().stripTrailingZeros(), t.currency(), t.updatedAt());
        }
    }

    @GET
    @Path("tariff")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tariff", description = "pricePerKwh and currency; both null until set.")
    @APIResponse(responseCode = "200", description = "The tariff",
            content = @Content(schema = @Schema(implementation = TariffView.class)))
    public TariffView tariff() {
        return TariffView.of(insights.tariff().orElse(null));
    }

    @PUT
    @Path("tariff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the tariff", description = "{\"pricePerKwh\": 0.30, \"currency\": \"EUR\"}. Sessions"
            + " that start from now on are priced at it; sessions that started under an earlier price keep theirs.")
    @APIResponse(responseCode = "200", description = "The tariff as set",
            content = @Content(schema = @Schema(implementation = TariffView.class)))
    @APIResponse(responseCode = "400", description = "Missing or negative price, or not an ISO 4217 currency",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public TariffView setTariff(@Valid TariffView body) {
        if (body == null) {
            throw ApiError.badRequest("Give pricePerKwh and currency: {\"pricePerKwh\": 0.30, \"currency\": \"EUR\"}");
        }
        if (!Costs.isCurrency(body.currency())) {
            throw ApiError.badRequest("currency must be an ISO 4217 code such as EUR, not '" + body.currency() + "'");
        }
        if (body.pricePerKwh().scale() > 5) {
            throw ApiError.badRequest("pricePerKwh takes at most 5 decimals");
        }
        Tariff tariff = insights.setTariff(body.pricePerKwh(), body.currency());
        audit.record(Callers.actor(security), null, "SetTariff", body, Outcome.ACCEPTED, null, null);
        return TariffView.of(tariff);
    }

    @DELETE
    @Path("tariff")
    @Operation(summary = "Remove the tariff", description = "New sessions get no cost estimate; sessions that"
            + " started under a price keep it.")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    public Response clearTariff() {
        if (insights.clearTariff()) {
            audit.record(Callers.actor(security), null, "ClearTariff", null, Outcome.ACCEPTED, null, null);
        }
        return Response.noContent().build();
    }
}
