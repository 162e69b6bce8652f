package io.plughome.ocpp.v201;

import io.plughome.authorization.IdTags;
import io.plughome.authorization.Verdict;
import io.plughome.charger.ChargerService;
import io.plughome.charger.ConnectorState;
import io.plughome.charger.ConnectorStatus;
import io.plughome.insight.Insights;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.Lenient;
import io.plughome.ocpp.SampledValueReader;
import io.plughome.platform.Timestamps;
import io.plughome.session.ChargingSession;
import io.plughome.session.MeterReading;
import io.plughome.session.MeterSnapshot;
import io.plughome.session.SessionService;
import io.plughome.session.StopReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TransactionEvent: 2.0.1's one message for a transaction's start, progress and end, ending in the
 * same session calls as 1.6's StartTransaction, MeterValues and StopTransaction. Everything is
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
    SessionService sessions;

    @Inject
    ChargerService chargers;

    @Inject
    IdTags idTags;

    @Inject
    Insights insights;

    @Inject
    Clock clock;

    /** One database transaction for the whole event: its session, readings, state and sequence number. */
    @Transactional
    public Response handle(CallContext context, Request r) {
        Deviations deviations = context.deviations();
        String chargerId = context.chargerId();
        String txId = r.transactionInfo().transactionId();
        SampledValueReader.known(r.triggerReason(), TRIGGER_REASONS, Deviations.UNKNOWN_VALUE, deviations);
        List<MeterReading> readings = MeterValues201.toReadings(r.meterValue(), deviations);
        Optional<ChargingSession> known = sessions.byTransaction(chargerId, txId);
        int connector = connector(chargerId, r.evse(), known);
        Verdict verdict = r.idToken() == null ? null : idTags.verdict(r.idToken().idToken());

        ChargingSession session;
        if (r.eventType() == EventType.Ended) {
            session = sessions.stopped(new SessionService.Stop(chargerId, txId, false,
                    register(readings, "Transaction.End"), r.timestamp(), stopReason(r, deviations),
                    r.idToken() == null ? null : r.idToken().idToken(), readings, connector)).session();
            chargingState(chargerId, connector, r, deviations);
        } else {
            if (known.isEmpty() || r.eventType() == EventType.Started) {
                // a Started, or the first event seen of a transaction whose Started is late or lost
                session = sessions.started(new SessionService.Start(chargerId, connector,
                        r.evse() == null ? connector : r.evse().id(), r.idToken() == null ? null : r.idToken().neutral(),
                        register(readings, "Transaction.Begin"), r.reservationId(), r.timestamp(),
                        verdict == null ? null : verdict.status().name(), txId));
            } else {
                session = known.get();
            }
            if (verdict != null && session.idTag() == null) {
                sessions.identified(chargerId, txId, r.idToken().neutral(), verdict.status().name());
            }
            sessions.meterValues(session, readings);
            chargingState(chargerId, connector, r, deviations);
        }
        if (sessions.sequenced(session, r.seqNo()) == ChargingSession.Sequence.GAP) {
            deviations.add(Deviations.SEQ_NO_GAP, txId + " seqNo=" + r.seqNo());
        }
        ChargingSession priced = session;
        BigDecimal cost = insights.tariff().map(t -> Insights.costEstimate(priced, t)).orElse(null);
        return new Response(cost, null, verdict == null ? null : Types.IdTokenInfo.of(verdict), null);
    }

    /** The connector the event is about: its EVSE's, or the session's when the event names none. */
    private int connector(String chargerId, Types.EVSE evse, Optional<ChargingSession> known) {
        if (evse != null) {
            return chargers.connectorNumber(chargerId, evse.id(), evse.connectorId());
        }
        return known.map(ChargingSession::connectorId).orElse(1);
    }

    /** The energy register reading of the given context (or of any, when none has it), in Wh. */
    static Long register(List<MeterReading> readings, String context) {
        List<MeterReading> energy = readings.stream().filter(m -> m.is(MeterReading.ENERGY_REGISTER)
                && !m.hasPhase()).toList();
        List<MeterReading> ofContext = energy.stream().filter(m -> context.equals(m.context())).toList();
        MeterSnapshot snapshot = MeterSnapshot.latest(ofContext.isEmpty() ? energy : ofContext);
        return snapshot == null ? null : snapshot.registerWh();
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

    /**
     * The charging state, where the event gives it and it changed, as the connector's state; an
     * Ended event that says the EV is still connected leaves the connector Finishing.
     */
    private void chargingState(String chargerId, int connector, Request r, Deviations deviations) {
        String reported = r.transactionInfo().chargingState();
        if (reported == null) {
            return;
        }
        String known = SampledValueReader.known(reported, CHARGING_STATES, Deviations.UNKNOWN_VALUE, deviations);
        boolean ended = r.eventType() == EventType.Ended;
        ConnectorState state = ended ? ("Idle".equals(known) || !CHARGING_STATES.contains(known) ? null
                // over, with the EV still plugged in: 1.6's Finishing, until the connector is free again
                : ConnectorState.Finishing) : switch (known) {
            case "Charging" -> ConnectorState.Charging;
            case "SuspendedEV" -> ConnectorState.SuspendedEV;
            case "SuspendedEVSE" -> ConnectorState.SuspendedEVSE;
            case "EVConnected" -> ConnectorState.Preparing;
            default -> null; // Idle, or unknown: the StatusNotifications say
        };
        // Most events repeat the state the connector is in: only a change is a status report.
        if (state != null && !chargers.connector(chargerId, connector).map(c -> state.name().equals(c.status()))
                .orElse(false)) {
            int evseId = r.evse() == null ? connector : r.evse().id();
            chargers.statusReported(chargerId, new ConnectorStatus(connector, evseId,
                    r.evse() == null ? null : r.evse().connectorId(), state, null, null, null, null,
                    Timestamps.chargerOrServer(r.timestamp(), clock.instant())));
        }
    }
}
