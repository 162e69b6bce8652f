package io.plughome.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored sampled value: kept for progress display, audit and later analysis. */
@Entity
@Table(name = "meter_sample")
@NamedQuery(name = "MeterSample.findBySession",
        query = "SELECT m FROM MeterSample m WHERE m.chargerId = :chargerId AND m.sampledAt >= :from"
                + " AND m.sampledAt <= :to AND m.sessionId = :sessionId ORDER BY m.sampledAt, m.id")
@NamedQuery(name = "MeterSample.findAt", query = "SELECT m FROM MeterSample m WHERE m.chargerId = :chargerId"
        + " AND m.connectorId = :connectorId AND m.sampledAt IN :at")
public class MeterSample {

    @Id
    @SequenceGenerator(name = "meter_sample_seq", sequenceName = "meter_sample_seq", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meter_sample_seq")
    private Long id;
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "connector_id")
    private int connectorId;
    @Column(name = "session_id")
    private Long sessionId;
    @Column(name = "sampled_at")
    private Instant sampledAt;
    @Column(length = MeterReading.MEASURAND_MAX)
    private String measurand;
    @Column(length = MeterReading.PHASE_MAX)
    private String phase;
    @Column(length = MeterReading.LOCATION_MAX)
    private String location;
    @Column(length = MeterReading.CONTEXT_MAX)
    private String context;
    @Column(length = MeterReading.UNIT_MAX)
    private String unit;
    @Column(name = "raw_value", length = MeterReading.RAW_VALUE_MAX)
    private String rawValue;
    @Column(name = "numeric_value")
    private Double numericValue;

    protected MeterSample() {
    }

    public MeterSample(String chargerId, int connectorId, Long sessionId, MeterReading reading) {
        this.chargerId = chargerId;
        this.connectorId = connectorId;
        this.sessionId = sessionId;
        this.sampledAt = reading.at();
        this.measurand = reading.measurand();
        this.phase = reading.phase();
        this.location = reading.location();
        this.context = reading.context();
        this.unit = reading.unit();
        this.rawValue = reading.rawValue() == null ? "" : reading.rawValue();
        this.numericValue = reading.baseValue();
    }

    /** Whether this stored sample is that reading (a message sent again after a lost answer). */
    public boolean isReading(MeterReading reading) {
        return sampledAt.equals(reading.at()) && java.util.Objects.equals(measurand, reading.measurand())
                && java.util.Objects.equals(phase, reading.phase())
                && java.util.Objects.equals(location, reading.location())
                && java.util.Objects.equals(context, reading.context())
                && java.util.Objects.equals(rawValue, reading.rawValue() == null ? "" : reading.rawValue());
    }

    public Instant sampledAt() {
        return sampledAt;
    }

    public String measurand() {
        return measurand;
    }

    public String phase() {
        return phase;
    }

    public String unit() {
        return unit;
    }

    public String rawValue() {
        return rawValue;
    }

    public Double numericValue() {
        return numericValue;
    }

    public String context() {
        return context;
    }

    public String location() {
        return location;
    }
}
