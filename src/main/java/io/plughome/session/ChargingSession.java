package io.plughome.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import io.plughome.authorization.IdToken;
import java.math.BigDecimal;
import java.time.Instant;

/** One charging session: an OCPP transaction on one connector, from start to stop. */
@Entity
@Table(name = "charging_session")
@NamedQuery(name = "ChargingSession.findByTransaction", query = "SELECT s FROM ChargingSession s"
        + " WHERE s.chargerId = :chargerId AND s.transactionId = :transactionId ORDER BY s.id DESC")
@NamedQuery(name = "ChargingSession.findOpenByConnector", query = "SELECT s FROM ChargingSession s"
        + " WHERE s.chargerId = :chargerId AND s.connectorId = :connectorId AND s.stoppedAt IS NULL ORDER BY s.id DESC")
@NamedQuery(name = "ChargingSession.findCovering", query = "SELECT s FROM ChargingSession s"
        + " WHERE s.chargerId = :chargerId AND s.connectorId = :connectorId AND s.startedAt <= :at"
        + " AND (s.stoppedAt IS NULL OR s.stoppedAt >= :at) ORDER BY s.startedAt DESC, s.id DESC")
@NamedQuery(name = "ChargingSession.findOpenByCharger", query = "SELECT s FROM ChargingSession s"
        + " WHERE s.chargerId = :chargerId AND s.stoppedAt IS NULL ORDER BY s.id DESC")
@NamedQuery(name = "ChargingSession.findSameStart", query = "SELECT s FROM ChargingSession s"
        + " WHERE s.chargerId = :chargerId AND s.connectorId = :connectorId AND s.startedAt = :startedAt"
        + " AND s.meterStartWh = :meterStartWh ORDER BY s.id DESC")
@NamedQuery(name = "ChargingSession.countOpenByCharger", query = "SELECT s.chargerId, COUNT(s) FROM ChargingSession s"
        + " WHERE s.stoppedAt IS NULL GROUP BY s.chargerId")
@NamedQuery(name = "ChargingSession.stoppedEnergyOfCharger", query = "SELECT SUM(s.meterStopWh - s.meterStartWh)"
        + " FROM ChargingSession s WHERE s.chargerId = :chargerId AND s.stoppedAt IS NOT NULL"
        + " AND s.meterStopWh >= s.meterStartWh")
public class ChargingSession {

    /** The width of the id_tag and stop_id_tag columns: adapters cut longer idTags to it, counted. */
    public static final int ID_TAG_MAX = 255;
    /** The width of stop_reason: an unknown reason longer than this is cut by the adapter, counted. */
    public static final int STOP_REASON_MAX = 50;

    @Id
    @SequenceGenerator(name = "charging_session_seq", sequenceName = "charging_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charging_session_seq")
    private Long id;
    /** The width of transaction_id: the longest transaction id 2.0.1 allows. */
    public static final int TRANSACTION_ID_MAX = 36;
    /** The width of id_tag_type. */
    public static final int ID_TAG_TYPE_MAX = 20;

    @Column(name = "transaction_id", length = TRANSACTION_ID_MAX)
    private String transactionId;
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "connector_id")
    private int connectorId;
    @Column(name = "evse_id")
    private Integer evseId;
    @Column(name = "id_tag", length = ID_TAG_MAX)
    private String idTag;
    @Column(name = "id_tag_type", length = ID_TAG_TYPE_MAX)
    private String idTagType;
    @Column(name = "last_seq_no")
    private Integer lastSeqNo;
    @Column(name = "authorization_status")
    private String authorizationStatus;
    @Column(name = "reservation_id")
    private Integer reservationId;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "stopped_at")
    private Instant stoppedAt;
    @Column(name = "meter_start_wh")
    private Long meterStartWh;
    @Column(name = "meter_stop_wh")
    private Long meterStopWh;
    @Column(name = "last_register_wh")
    private Long lastRegisterWh;
    @Column(name = "last_sample_at")
    private Instant lastSampleAt;
    @Column(name = "first_reading_at")
    private Instant firstReadingAt;
    @Column(name = "last_reading_at")
    private Instant lastReadingAt;
    @Column(name = "power_w")
    private Double powerW;
    @Column(name = "current_a")
    private Double currentA;
    @Column(name = "soc_percent")
    private Double socPercent;
    @Column(name = "stop_reason", length = STOP_REASON_MAX)
    private String stopReason;
    @Column(name = "stop_id_tag", length = ID_TAG_MAX)
    private String stopIdTag;
    @Column(name = "started_unseen")
    private boolean startedUnseen;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "tariff_price_per_kwh")
    private BigDecimal tariffPricePerKwh;
    @Column(name = "tariff_currency")
    private String tariffCurrency;

    protected ChargingSession() {
    }

    /**
     * A session whose start the charger reported. Its transaction id is the charger's (2.0.1), or
     * given once the session has an id (1.6: the server draws it).
     */
    public ChargingSession(String chargerId, int connectorId, Integer evseId, IdToken idToken, Long meterStartWh,
            Integer reservationId, Instant startedAt, boolean startedUnseen, Instant now) {
        this.chargerId = chargerId;
        this.connectorId = connectorId;
        this.evseId = evseId;
        identify(idToken);
        this.meterStartWh = meterStartWh;
        this.reservationId = reservationId;
        this.startedAt = startedAt;
        this.startedUnseen = startedUnseen;
        this.createdAt = now;
    }

    public void assignTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    /** The driver's token, when it is known (a 2.0.1 charger may send it after the start). */
    public void identify(IdToken token) {
        if (token != null) {
            this.idTag = token.value();
            this.idTagType = token.type();
        }
    }

    /** Where a message falls in a transaction's sequence (2.0.1 seqNo). */
    public enum Sequence {
        /** The next one expected, or the first seen. */
        NEXT,
        /** Later than the next one expected: messages in between are missing (so far). */
        GAP,
        /** Not later than one already seen: sent again, or arriving late. */
        EARLIER
    }

    /** Notes a message's sequence number and says where it falls. */
    public Sequence sequence(int seqNo) {
        if (lastSeqNo == null) {
            lastSeqNo = seqNo;
            return Sequence.NEXT;
        }
        if (seqNo <= lastSeqNo) {
            return Sequence.EARLIER;
        }
        Sequence where = seqNo == lastSeqNo + 1 ? Sequence.NEXT : Sequence.GAP;
        lastSeqNo = seqNo;
        return where;
    }

    /**
     * A start report that arrives after later reports of the same transaction (2.0.1 events out
     * of order): the session began at the earlier time, with that meter reading.
     */
    public void startedAt(Instant at, Long meterStartWh) {
        if (at != null && at.isBefore(startedAt)) {
            startedAt = at;
            if (meterStartWh != null) {
                this.meterStartWh = meterStartWh;
            }
        } else if (this.meterStartWh == null) {
            this.meterStartWh = meterStartWh;
        }
    }

    /** Applies the newest values of a batch of readings, unless newer ones were already applied. */
    /**
     * Widens the span of the session's stored readings to take in these times: its readings are
     * found on the charger's reading index between the first and the last.
     */
    public void readingsStoredAt(Instant first, Instant last) {
        if (first != null && (firstReadingAt == null || first.isBefore(firstReadingAt))) {
            firstReadingAt = first;
        }
        if (last != null && (lastReadingAt == null || last.isAfter(lastReadingAt))) {
            lastReadingAt = last;
        }
    }

    public Instant firstReadingAt() {
        return firstReadingAt;
    }

    public Instant lastReadingAt() {
        return lastReadingAt;
    }

    public void observe(MeterSnapshot latest) {
        if (latest.at() == null || (lastSampleAt != null && latest.at().isBefore(lastSampleAt))) {
            return;
        }
        lastSampleAt = latest.at();
        if (latest.registerWh() != null) {
            lastRegisterWh = latest.registerWh();
            if (meterStartWh == null) {
                meterStartWh = latest.registerWh(); // a start without a reading: the first one counts from here
            }
        }
        if (latest.powerW() != null) {
            powerW = latest.powerW();
        }
        if (latest.currentA() != null) {
            currentA = latest.currentA();
        }
        if (latest.socPercent() != null) {
            socPercent = latest.socPercent();
        }
    }

    public void stop(Long meterStopWh, Instant at, StopReason reason, String idTag) {
        this.meterStopWh = meterStopWh;
        this.stoppedAt = at;
        this.stopReason = reason.name();
        this.stopIdTag = idTag;
        if (meterStopWh != null && (lastRegisterWh == null || meterStopWh >= lastRegisterWh)) {
            lastRegisterWh = meterStopWh;
        }
        this.powerW = null;
        this.currentA = null;
    }

    /** Keeps the price per kWh in force when the session started, for its cost estimate. */
    public void priceAt(BigDecimal pricePerKwh, String currency) {
        this.tariffPricePerKwh = pricePerKwh;
        this.tariffCurrency = currency;
    }

    /** The price per kWh in force when the session started, or null when no tariff was set then. */
    public BigDecimal tariffPricePerKwh() {
        return tariffPricePerKwh;
    }

    public String tariffCurrency() {
        return tariffCurrency;
    }

    public boolean isActive() {
        return stoppedAt == null;
    }

    /**
     * Energy charged: {@code meterStop - meterStart} once stopped; while active, the latest register
     * reading minus {@code meterStart} (0 before the first reading). Null when the start reading is
     * unknown.
     */
    public Long energyWh() {
        if (meterStartWh == null) {
            return null;
        }
        Long end = isActive() ? (lastRegisterWh == null ? meterStartWh : lastRegisterWh) : meterStopWh;
        return end == null ? null : Math.max(0, end - meterStartWh);
    }

    public Long id() {
        return id;
    }

    public String transactionId() {
        return transactionId;
    }

    /** The EVSE of the connector (for 1.6 the connector's own number). */
    public Integer evseId() {
        return evseId;
    }

    /** The 2.0.1 type of the token, null for 1.6. */
    public String idTagType() {
        return idTagType;
    }

    public Integer lastSeqNo() {
        return lastSeqNo;
    }

    public String chargerId() {
        return chargerId;
    }

    public int connectorId() {
        return connectorId;
    }

    public String idTag() {
        return idTag;
    }

    /** What PlugHome answered for the idTag at the start (null: sessions from before idTags were checked). */
    public String authorizationStatus() {
        return authorizationStatus;
    }

    public void authorized(String status) {
        this.authorizationStatus = status;
    }

    public Integer reservationId() {
        return reservationId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public Long meterStartWh() {
        return meterStartWh;
    }

    public Long meterStopWh() {
        return meterStopWh;
    }

    public Long lastRegisterWh() {
        return lastRegisterWh;
    }

    public Instant lastSampleAt() {
        return lastSampleAt;
    }

    public Double powerW() {
        return powerW;
    }

    public Double currentA() {
        return currentA;
    }

    public Double socPercent() {
        return socPercent;
    }

    /**
     * Why it ended: a {@link StopReason} name (sessions stored before reasons were neutral may
     * hold the charger's own word).
     */
    public String stopReason() {
        return stopReason;
    }

    public String stopIdTag() {
        return stopIdTag;
    }

    public boolean startedUnseen() {
        return startedUnseen;
    }
}
