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
        query = "SELECT m FROM MeterSample m WHERE m.sessionId = :sessionId ORDER BY m.sampledAt, m.id")
public class MeterSample {

    @Id
    @SequenceGenerator(name = "meter_sample_seq", sequenceName = "meter_sample_seq", allocationSize = 1)
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
    private String measurand;
    private String phase;
    private String location;
    private String context;
    private String unit;
    @Column(name = "raw_value")
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
