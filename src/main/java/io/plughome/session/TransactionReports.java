package io.plughome.session;

import io.plughome.authorization.IdTags;
import io.plughome.authorization.Verdict;
import io.plughome.charger.ChargerService;
import io.plughome.charger.ConnectorState;
import io.plughome.charger.ConnectorStatus;
import io.plughome.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The one entry for what chargers report of their transactions, whichever OCPP version they speak:
 * a {@link TransactionReport} is stored in one transaction (its session, readings, token, connector
 * state and sequence number), before the protocol edge answers. It owns the rules the versions
 * share: which session a report belongs to, a start or end that arrives late or twice, readings
 * already stored, the token's verdict, and a sequence number that skips.
 */
@ApplicationScoped
@Transactional
public class TransactionReports {

    /**
     * What was stored: the session the report belongs to (null only for readings outside any
     * session), whether its transaction id was one the server knew, the token's verdict (null when
     * the report carried no token), and whether its sequence number skipped some.
     */
    public record Reported(ChargingSession session, boolean transactionMatched, Verdict verdict,
            boolean sequenceGap) {
    }

    static final String BEGIN = "Transaction.Begin";
    static final String END = "Transaction.End";

    @Inject
    SessionService sessions;

    @Inject
    ChargerService chargers;

    @Inject
    IdTags idTags;

    @Inject
    Clock clock;

    public Reported report(TransactionReport r) {
        Verdict verdict = r.token() == null ? null : idTags.verdict(r.token().value());
        Optional<ChargingSession> known = needsKnown(r)
                ? sessions.byTransaction(r.chargerId(), r.transactionId()) : Optional.empty();
        Integer connector = connector(r, known);
        ChargingSession session;
        boolean matched = true;
        switch (r.kind()) {
            case STARTED -> {
                session = start(r, connector, verdict);
                sessions.meterValues(session, r.readings());
            }
            case UPDATED -> {
                if (r.ids() == TransactionReport.Ids.CHARGER) {
                    // an update of a transaction not seen yet starts its session here
                    session = known.isPresent() ? known.get() : start(r, connector, verdict);
                    if (verdict != null && session.idTag() == null) {
                        sessions.identified(r.chargerId(), r.transactionId(), r.token(), verdict.status().name());
                    }
                    sessions.meterValues(session, r.readings());
                } else {
                    SessionService.Outcome outcome = sessions.meterValues(r.chargerId(), connector, r.transactionId(),
                            r.readings());
                    session = outcome.session();
                    matched = outcome.transactionMatched();
                }
            }
            case ENDED -> {
                SessionService.Outcome outcome = sessions.stopped(new SessionService.Stop(r.chargerId(),
                        r.transactionId(), r.ids() == TransactionReport.Ids.SERVER_LOST, register(r, END),
                        r.chargerTime(), r.stopReason(), r.token() == null ? null : r.token().value(), r.readings(),
                        connector));
                session = outcome.session();
                matched = outcome.transactionMatched();
            }
            default -> throw new IllegalArgumentException(r.kind().name());
        }
        if (connector != null) {
            chargingState(r, connector);
        }
        boolean gap = r.seqNo() != null && session != null
                && sessions.sequenced(session, r.seqNo()) == ChargingSession.Sequence.GAP;
        return new Reported(session, matched, verdict, gap);
    }

    private ChargingSession start(TransactionReport r, int connector, Verdict verdict) {
        return sessions.started(new SessionService.Start(r.chargerId(), connector,
                r.evseId() == null ? connector : r.evseId(), r.token(), register(r, BEGIN), r.reservationId(),
                r.chargerTime(), verdict == null ? null : verdict.status().name(),
                r.ids() == TransactionReport.Ids.CHARGER ? r.transactionId() : null));
    }

    /**
     * Whether the session must be looked up here: for an update of a transaction the charger named
     * (it may be unknown, then it starts), or when the report does not say its connector.
     */
    private static boolean needsKnown(TransactionReport r) {
        return r.transactionId() != null && r.ids() == TransactionReport.Ids.CHARGER
                && (r.kind() == TransactionReport.Kind.UPDATED || r.connector() == null && r.evseId() == null);
    }

    /**
     * The connector the report is about: the one it names, its EVSE's, the known session's; when
     * nothing says, the first connector for a transaction the charger named (it has one EVSE) and
     * none otherwise (a 1.6 stop, which names no connector).
     */
    private Integer connector(TransactionReport r, Optional<ChargingSession> known) {
        if (r.connector() != null) {
            return r.connector();
        }
        if (r.evseId() != null) {
            return chargers.connectorNumber(r.chargerId(), r.evseId(), r.evseConnectorId());
        }
        if (known.isPresent()) {
            return known.get().connectorId();
        }
        return r.ids() == TransactionReport.Ids.CHARGER || r.kind() != TransactionReport.Kind.ENDED ? 1 : null;
    }

    /** The register at the start or end: as given, else the readings' of that context, else any energy register. */
    static Long register(TransactionReport r, String context) {
        if (r.registerWh() != null) {
            return r.registerWh();
        }
        List<MeterReading> energy = r.readings().stream()
                .filter(m -> m.is(MeterReading.ENERGY_REGISTER) && !m.hasPhase()).toList();
        List<MeterReading> ofContext = energy.stream().filter(m -> context.equals(m.context())).toList();
        MeterSnapshot snapshot = MeterSnapshot.latest(ofContext.isEmpty() ? energy : ofContext);
        return snapshot == null ? null : snapshot.registerWh();
    }

    /**
     * The charging state, where the report gives it and it changed, as the connector's state; an
     * end that says the EV is still connected leaves the connector Finishing.
     */
    private void chargingState(TransactionReport r, int connector) {
        TransactionReport.ChargingState reported = r.chargingState();
        if (reported == null) {
            return;
        }
        ConnectorState state = r.kind() == TransactionReport.Kind.ENDED
                // over, with the EV still plugged in: Finishing, until the connector is free again
                ? (reported == TransactionReport.ChargingState.Idle ? null : ConnectorState.Finishing)
                : switch (reported) {
                    case Charging -> ConnectorState.Charging;
                    case SuspendedEV -> ConnectorState.SuspendedEV;
                    case SuspendedEVSE -> ConnectorState.SuspendedEVSE;
                    case EVConnected -> ConnectorState.Preparing;
                    case Idle -> null; // the status reports say
                };
        // Most reports repeat the state the connector is in: only a change is a status report.
        if (state != null && !chargers.connector(r.chargerId(), connector)
                .map(c -> state.name().equals(c.status())).orElse(false)) {
            chargers.statusReported(r.chargerId(), new ConnectorStatus(connector,
                    r.evseId() == null ? connector : r.evseId(), r.evseConnectorId(), state, null, null, null, null,
                    Timestamps.chargerOrServer(r.chargerTime(), clock.instant())));
        }
    }
}
