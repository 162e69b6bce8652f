package io.plughome.api.v1;

import io.plughome.charger.ChargerService;
import io.plughome.charger.DeviceModel;
import io.plughome.charger.DeviceVariable;
import io.plughome.charger.SecurityEvent;
import io.plughome.control.Command;
import io.plughome.control.ControlService;
import io.plughome.control.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an OCPP 2.0.1 charger reports about itself: its device model (NotifyReport, asked for with
 * GetBaseReport) and its security log (SecurityEventNotification). Both are empty for 1.6
 * chargers, which have neither.
 */
@Path("v1/chargers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chargers")
public class DeviceModelResource {

    @Inject
    ChargerService chargers;

    @Inject
    DeviceModel model;

    @Inject
    ControlService control;

    @Inject
    RequestIds requestIds;

    @Context
    SecurityContext security;

    @Schema(name = "DeviceVariable", description = "One attribute of one variable of the charger's device model")
    public record VariableView(String component, String componentInstance, Integer evseId, Integer connectorId,
            String variable, String variableInstance,
            @Schema(description = "Actual, Target, MinSet or MaxSet") String attributeType, String value,
            @Schema(description = "ReadOnly, WriteOnly or ReadWrite") String mutability, String dataType, String unit,
            String valuesList, Instant reportedAt) {

        static VariableView of(DeviceVariable v) {
            return new VariableView(v.component(), v.componentInstance(), v.evseId(), v.evseConnectorId(),
                    v.variable(), v.variableInstance(), v.attributeType(), v.value(), v.mutability(), v.dataType(),
                    v.unit(), v.valuesList(), v.reportedAt());
        }
    }

    @Schema(name = "SecurityEvent", description = "One entry of the charger's security log")
    public record SecurityEventView(@Schema(description = "The charger's event type, e.g. FirmwareUpdated,"
            + " InvalidCentralSystemCertificate, ResetOrReboot") String type,
            @Schema(description = "When it happened, by the charger's clock") Instant at, String techInfo,
            Instant receivedAt) {

        static SecurityEventView of(SecurityEvent e) {
            return new SecurityEventView(e.type(), e.occurredAt(), e.techInfo(), e.receivedAt());
        }
    }

    @GET
    @Path("{id}/device-model")
    @Operation(summary = "The device model the charger reported (OCPP 2.0.1)", description = "Every component,"
            + " variable and attribute of its latest report, sorted by component. Empty until the charger has"
            + " reported; POST .../device-model/refresh asks it to.")
    public Page<VariableView> deviceModel(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        known(id);
        return new Page<>(model.of(id, offset, limit).stream().map(VariableView::of).toList(), model.count(id));
    }

    @POST
    @Path("{id}/device-model/refresh")
    @AdminOnly
    @Operation(summary = "Ask the charger to report its device model (GetBaseReport FullInventory)",
            description = "The charger answers at once and sends the report in NotifyReport messages, stored as"
                    + " they arrive. 400 NotSupported for OCPP 1.6 chargers.")
    public CompletionStage<Response> refresh(@PathParam("id") String id) {
        try {
            return control.execute(Callers.actor(security), id, new Command.ReportDeviceModel(requestIds.next()))
                    .thenApply(ControlResource::answer);
        } catch (NoSuchElementException e) {
            throw ApiError.notFound(e.getMessage());
        }
    }

    @GET
    @Path("{id}/security-events")
    @Operation(summary = "The charger's security log (SecurityEventNotification), newest first")
    public Page<SecurityEventView> securityEvents(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        known(id);
        return new Page<>(model.securityEvents(id, offset, limit).stream().map(SecurityEventView::of).toList(),
                model.securityEventCount(id));
    }

    private void known(String id) {
        if (chargers.byId(id).isEmpty()) {
            throw ApiError.noCharger(id);
        }
    }
}
