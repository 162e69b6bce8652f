package io.plughome.session;

import io.plughome.authorization.IdToken;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a charger reported of one of its transactions, in no protocol's words: 1.6's
 * StartTransaction, MeterValues and StopTransaction and 2.0.1's TransactionEvent (Started,
 * Updated, Ended) are each one of these. {@link TransactionReports#report} stores it.
 *
 * @param kind          started, updated (readings, a token, a charging state) or ended
 * @param transactionId the transaction's id; null when the server is to draw it (1.6 start) or the
 *                      charger sent readings outside any transaction (1.6 MeterValues)
 * @param ids           who chose the id, which says what an unknown one means
 * @param connector     PlugHome's connector number when the charger says it (1.6), else null
 * @param evseId        the EVSE when the charger names one (2.0.1), else null
 * @param evseConnectorId the connector within that EVSE, when named
 * @param token         the driver's token when the report carries one
 * @param registerWh    the meter register at the start or end when the charger gives it apart
 *                      from the readings (1.6 meterStart, meterStop), else null: then the readings
 *                      of context Transaction.Begin or Transaction.End say it
 * @param chargerTime   when it happened, by the charger's clock
 * @param readings      the meter readings carried, possibly none
 * @param chargingState the charging state reported, null when none or not one PlugHome knows
 * @param seqNo         the report's sequence number within the transaction (2.0.1), else null
 * @param stopReason    why it ended (ended reports; null means Local)
 * @param reservationId the reservation the transaction uses, if any
 */
public record TransactionReport(Kind kind, String chargerId, String transactionId, Ids ids, Integer connector,
        Integer evseId, Integer evseConnectorId, IdToken token, Long registerWh, Instant chargerTime,
        List<MeterReading> readings, ChargingState chargingState, Integer seqNo, StopReason stopReason,
        Integer reservationId) {

    public enum Kind { STARTED, UPDATED, ENDED }

    /** Who chose the transaction id, and so what an id the server does not know means. */
    public enum Ids {
        /** The server drew it (1.6): an unknown id is counted, and nothing is started for it. */
        SERVER,
        /**
         * The server drew it, but the charger sent one chargers send when they lost it (1.6: 0,
         * negative, beyond 32 bits): an unknown id ends the charger's open session.
         */
        SERVER_LOST,
        /**
         * The charger chose it (2.0.1): an unknown id is a transaction whose start came late or was
         * lost, and its session starts at this report.
         */
        CHARGER
    }

    /** The charging states a charger reports within a transaction. */
    public enum ChargingState { Charging, EVConnected, SuspendedEV, SuspendedEVSE, Idle }

    public TransactionReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chargerId, "chargerId");
        Objects.requireNonNull(ids, "ids");
        readings = readings == null ? List.of() : readings;
    }

    public static Builder of(Kind kind, String chargerId, Ids ids) {
        return new Builder(kind, chargerId, ids);
    }

    /** Builds a report field by field: most reports carry a few of the fields. */
    public static final class Builder {
        private final Kind kind;
        private final String chargerId;
        private final Ids ids;
        private String transactionId;
        private Integer connector;
        private Integer evseId;
        private Integer evseConnectorId;
        private IdToken token;
        private Long registerWh;
        private Instant chargerTime;
        private List<MeterReading> readings;
        private ChargingState chargingState;
        private Integer seqNo;
        private StopReason stopReason;
        private Integer reservationId;

        private Builder(Kind kind, String chargerId, Ids ids) {
            this.kind = kind;
            this.chargerId = chargerId;
            this.ids = ids;
        }

        public Builder transaction(String id) {
            this.transactionId = id;
            return this;
        }

        public Builder connector(Integer number) {
            this.connector = number;
            return this;
        }

        public Builder evse(Integer id, Integer connectorId) {
            this.evseId = id;
            this.evseConnectorId = connectorId;
            return this;
        }

        public Builder token(IdToken value) {
            this.token = value;
            return this;
        }

        public Builder register(Long wh) {
            this.registerWh = wh;
            return this;
        }

        public Builder at(Instant time) {
            this.chargerTime = time;
            return this;
        }

        public Builder readings(List<MeterReading> values) {
            this.readings = values;
            return this;
        }

        public Builder chargingState(ChargingState state) {
            this.chargingState = state;
            return this;
        }

        public Builder seqNo(Integer number) {
            this.seqNo = number;
            return this;
        }

        public Builder stopReason(StopReason reason) {
            this.stopReason = reason;
            return this;
        }

        public Builder reservation(Integer id) {
            this.reservationId = id;
            return this;
        }

        public TransactionReport build() {
            return new TransactionReport(kind, chargerId, transactionId, ids, connector, evseId, evseConnectorId,
                    token, registerWh, chargerTime, readings, chargingState, seqNo, stopReason, reservationId);
        }
    }
}
