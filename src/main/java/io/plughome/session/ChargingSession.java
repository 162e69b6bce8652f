package io.plughome.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
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
    @SequenceGenerator(name = "charging_session_seq", sequenceName = "charging_session_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charging_session_seq")
    private Long id;
    @Column(name = "transaction_id")
    private long transactionId;
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "connector_id")
    private int connectorId;
    @Column(name = "id_tag", length = ID_TAG_MAX)
    private String idTag;
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

    /** A session whose start the charger reported. Its transaction id is given once it has an id. */
    public ChargingSession(String chargerId, int connectorId, String idTag, Long meterStartWh, Integer reservationId,
            Instant startedAt, boolean startedUnseen, Instant now) {
        this.chargerId = chargerId;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.meterStartWh = meterStartWh;
        this.reservationId = reservationId;
        this.startedAt = startedAt;
        this.startedUnseen = startedUnseen;
        this.createdAt = now;
    }

    /** The transaction id this server hands out is the session's own id. */
    public void assignTransactionId(long transactionId) {
        this.transactionId = transactionId;
    }

    /** Applies the newest values of a batch of readings, unless newer ones were already applied. */
    public void observe(MeterSnapshot latest) {
        if (latest.at() == null || (lastSampleAt != null && latest.at().isBefore(lastSampleAt))) {
            return;
        }
        lastSampleAt = latest.at();
        if (latest.registerWh() != null) {
            lastRegisterWh = latest.registerWh();
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

    public void stop(Long meterStopWh, Instant at, String reason, String idTag) {
        this.meterStopWh = meterStopWh;
        this.stoppedAt = at;
        this.stopReason = reason;
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

    public long transactionId() {
        return transactionId;
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
