package io.plughome.ocpp.v201;

import io.plughome.charger.DeviceModel;
import io.plughome.charger.DeviceVariable;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * NotifyReport: a page of the device model the charger reports (after a GetBaseReport), stored
 * attribute by attribute and readable at {@code GET /api/v1/chargers/{id}/device-model}. The
 * value of a password variable is never stored.
 */
@ApplicationScoped
public class NotifyReportHandler {

    public enum AttributeType { Actual, Target, MinSet, MaxSet }

    public enum Mutability { ReadOnly, WriteOnly, ReadWrite }

    public record VariableAttribute(AttributeType type,
            @Lenient(maxLength = 2500, keepUpTo = DeviceVariable.VALUE_MAX) String value, Mutability mutability,
            Boolean persistent, Boolean constant) {
    }

    public record VariableCharacteristics(@Size(max = 16) String unit, @NotNull String dataType, BigDecimal minLimit,
            BigDecimal maxLimit, @Lenient(maxLength = 1000, keepUpTo = DeviceVariable.VALUES_LIST_MAX) String valuesList,
            @NotNull Boolean supportsMonitoring) {
    }

    public record ReportData(@NotNull @Valid Types.Component component, @NotNull @Valid Types.Variable variable,
            @NotNull @Size(min = 1, max = 4) List<@Valid VariableAttribute> variableAttribute,
            @Valid VariableCharacteristics variableCharacteristics) {
    }

    public record Request(@NotNull Integer requestId, @NotNull Instant generatedAt, Boolean tbc,
            @NotNull Integer seqNo, List<@Valid ReportData> reportData) {
    }

    public record Response() {
    }

    @Inject
    DeviceModel model;

    /** A charger should not report the value of a password, but some do: it is never stored. */
    static boolean secret(String variable) {
        String v = variable.toLowerCase(java.util.Locale.ROOT);
        return v.contains("password") || v.endsWith("key") && v.contains("auth");
    }

    Response handle(CallContext context, Request r) {
        List<DeviceVariable.Reported> attributes = new ArrayList<>();
        for (ReportData d : r.reportData() == null ? List.<ReportData>of() : r.reportData()) {
            Types.EVSE evse = d.component().evse();
            VariableCharacteristics c = d.variableCharacteristics();
            for (VariableAttribute a : d.variableAttribute()) {
                attributes.add(new DeviceVariable.Reported(d.component().name(), d.component().instance(),
                        evse == null ? null : evse.id(), evse == null ? null : evse.connectorId(), d.variable().name(),
                        d.variable().instance(), a.type() == null ? "Actual" : a.type().name(),
                        secret(d.variable().name()) ? null : a.value(),
                        a.mutability() == null ? "ReadWrite" : a.mutability().name(),
                        c == null ? null : c.dataType(), c == null ? null : c.unit(),
                        c == null ? null : c.valuesList()));
            }
        }
        model.reported(context.chargerId(), attributes);
        return new Response();
    }
}
