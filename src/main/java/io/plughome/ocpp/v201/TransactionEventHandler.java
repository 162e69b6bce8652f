package io.plughome.ocpp.v201;

import io.plughome.authorization.Verdict;
import io.plughome.insight.Insights;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.Lenient;
import io.plughome.ocpp.SampledValueReader;
import io.plughome.session.ChargingSession;
import io.plughome.session.StopReason;
import io.plughome.session.TransactionReport;
import io.plughome.session.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * TransactionEvent: 2.0.1's one message for a transaction's start, progress and end, translated to
 * the same {@link TransactionReport} as 1.6's StartTransaction, MeterValues and StopTransaction. Everything is
 * stored before the answer goes out. Events may come out of order or twice (a charger replays its
 * queue after being offline): an Updated or Ended for a transaction not yet seen starts its
 * session at that event, and a Started that comes later moves the start back; readings already
 * stored are not stored again; a seqNo that skips numbers is counted. The idToken may come after
 * the start. With a tariff set, the answer carries the running cost ({@code totalCost}).
 */
@ApplicationScoped
public class TransactionEventHandler {

    public enum EventType { Ended, Started, Updated }

    static final Set<String> TRIGGER_REASONS = Set.of("Authorized", "CablePluggedIn", "ChargingRateChanged",
            "ChargingStateChanged", "Deauthorized", "EnergyLimitReached", "EVCommunicationLost", "EVConnectTimeout",
            "MeterValueClock", "MeterValuePeriodic", "TimeLimitReached", "Trigger", "UnlockCommand", "StopAuthorized",
            "EVDeparted", "EVDetected", "RemoteStop", "RemoteStart", "AbnormalCondition", "SignedDataReceived",
            "ResetCommand");
    static final Set<String> CHARGING_STATES = Set.of("Charging", "EVConnected", "SuspendedEV", "SuspendedEVSE",
            "Idle");
    static final Set<String> STOPPED_REASONS = Set.of("DeAuthorized", "EmergencyStop", "EnergyLimitReached",
            "EVDisconnected", "GroundFault", "ImmediateReset", "Local", "LocalOutOfCredit", "MasterPass", "Other",
            "OvercurrentFault", "PowerLoss", "PowerQuality", "Reboot", "Remote", "SOCLimitReached", "StoppedByEV",
            "TimeLimitReached", "Timeout");

    /**
     * The enumerated fields are strings on purpose: an unknown trigger reason or charging state
     * must not cost the transaction; each is checked and counted.
     */
    public record Transaction(
            @NotNull @Lenient(maxLength = 36, keepUpTo = ChargingSession.TRANSACTION_ID_MAX) String transactionId,
            String chargingState, Integer timeSpentCharging, String stoppedReason, Integer remoteStartId) {
    }

    public record Request(@NotNull EventType eventType, List<Types.@Valid MeterValue> meterValue,
            @NotNull Instant timestamp, @NotNull String triggerReason, @NotNull @Min(0) Integer seqNo, Boolean offline,
            Integer numberOfPhasesUsed, Integer cableMaxCurrent, Integer reservationId,
            @NotNull @Valid Transaction transactionInfo, @Valid Types.IdToken idToken, @Valid Types.EVSE evse) {
    }

    public record Response(BigDecimal totalCost, Integer chargingPriority, Types.IdTokenInfo idTokenInfo,
            Types.MessageContent updatedPersonalMessage) {
    }

    @Inject
    TransactionReports reports;

    @Inject
    Insights insights;

    /** Translates the event into a {@link TransactionReport}: the domain stores it in one transaction. */
    public Response handle(CallContext context, Request r) {
        Deviations deviations = context.deviations();
        String txId = r.transactionInfo().transactionId();
        SampledValueReader.known(r.triggerReason(), TRIGGER_REASONS, Deviations.UNKNOWN_VALUE, deviations);
        TransactionReport.Kind kind = switch (r.eventType()) {
            case Started -> TransactionReport.Kind.STARTED;
            case Updated -> TransactionReport.Kind.UPDATED;
            case Ended -> TransactionReport.Kind.ENDED;
        };
        TransactionReport.Builder report = TransactionReport.of(kind, context.chargerId(), TransactionReport.Ids.CHARGER)
                .transaction(txId).at(r.timestamp()).seqNo(r.seqNo()).reservation(r.reservationId())
                .readings(MeterValues201.toReadings(r.meterValue(), deviations))
                .chargingState(chargingState(r.transactionInfo().chargingState(), deviations))
                .token(r.idToken() == null ? null : r.idToken().neutral());
        if (r.evse() != null) {
            report.evse(r.evse().id(), r.evse().connectorId());
        }
        if (kind == TransactionReport.Kind.ENDED) {
            report.stopReason(stopReason(r, deviations));
        }
        TransactionReports.Reported reported = reports.report(report.build());
        if (reported.sequenceGap()) {
            deviations.add(Deviations.SEQ_NO_GAP, txId + " seqNo=" + r.seqNo());
        }
        Verdict verdict = reported.verdict();
        BigDecimal cost = insights.tariff().map(t -> Insights.costEstimate(reported.session(), t)).orElse(null);
        return new Response(cost, null, verdict == null ? null : Types.IdTokenInfo.of(verdict), null);
    }

    /** 2.0.1's reasons are PlugHome's; none means Local, as the specification says. */
    static StopReason stopReason(Request r, Deviations deviations) {
        String reason = r.transactionInfo().stoppedReason();
        if (reason == null) {
            return StopReason.Local;
        }
        String known = SampledValueReader.known(reason, STOPPED_REASONS, Deviations.UNKNOWN_VALUE, deviations);
        return STOPPED_REASONS.contains(known) ? StopReason.valueOf(known) : StopReason.Other;
    }

    /** The charging state in PlugHome's words; an unknown one (counted) is none. */
    static TransactionReport.ChargingState chargingState(String reported, Deviations deviations) {
        if (reported == null) {
            return null;
        }
        String known = SampledValueReader.known(reported, CHARGING_STATES, Deviations.UNKNOWN_VALUE, deviations);
        return CHARGING_STATES.contains(known) ? TransactionReport.ChargingState.valueOf(known) : null;
    }
}
