package io.plughome.api.v1;

import io.plughome.insight.Insights;
import io.plughome.insight.Tariff;
import io.plughome.session.ChargingSession;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A charging session on the wire. */
@Schema(name = "Session", description = "A charging session (an OCPP transaction)")
public record SessionView(
        @Schema(description = "PlugHome's id of the session") long id,
        @Schema(description = "The OCPP transactionId, as a string for every charger: the charger's own for OCPP"
                + " 2.0.1, the digits of the number PlugHome drew for 1.6") String transactionId,
        String chargerId,
        int connectorId,
        String idTag,
        @Schema(description = "The type of the token (OCPP 2.0.1: ISO14443, eMAID, Central, ...); null for 1.6,"
                + " whose idTags have none") String idTagType,
        @Schema(description = "What PlugHome answered for the idTag at the start: Accepted, Blocked, Expired or"
                + " Invalid (anything but Accepted only with PLUGHOME_AUTHORIZATION=list; the charger then stops or"
                + " suspends the session). Null for sessions from before this was recorded")
        String authorization,
        @Schema(description = "The charger's start time (the server's where the charger's was impossible)")
        Instant startedAt,
        @Schema(description = "Null while the session is active") Instant stoppedAt,
        boolean active,
        Long meterStartWh,
        Long meterStopWh,
        @Schema(description = "Energy charged in Wh; live while active (latest register reading minus meterStartWh)")
        Long energyWh,
        @Schema(description = "The charger's stop reason (Local, Remote, EVDisconnected, ...)") String stopReason,
        @Schema(description = "Estimated cost: energyWh at the tariff in force when the session started (the current"
                + " tariff for sessions that started before one was set); null without a tariff") BigDecimal costEstimate,
        @Schema(description = "Currency of costEstimate (ISO 4217)") String currency,
        @Schema(description = "Live power in W while active") Double powerW,
        @Schema(description = "Live current in A (largest phase) while active") Double currentA,
        @Schema(description = "Vehicle state of charge in %, where the charger reports it") Double socPercent,
        @Schema(description = "Time of the latest meter reading") Instant lastMeterValueAt,
        @Schema(description = "True when only the stop reached PlugHome (the start happened while it was unreachable)")
        boolean startedUnseen) {

    public static SessionView of(ChargingSession s, Tariff tariff) {
        BigDecimal cost = Insights.costEstimate(s, tariff);
        return new SessionView(s.id(), s.transactionId(), s.chargerId(), s.connectorId(), s.idTag(), s.idTagType(),
                s.authorizationStatus(), s.startedAt(),
                s.stoppedAt(), s.isActive(), s.meterStartWh(), s.meterStopWh(), s.energyWh(), s.stopReason(), cost,
                cost == null ? null : Insights.currency(s, tariff),
                s.isActive() ? s.powerW() : null, s.isActive() ? s.currentA() : null, s.socPercent(),
                s.lastSampleAt(), s.startedUnseen());
    }
}
