package io.plughome.charger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One connector of a charger, as its last StatusNotification left it. Connector 0 is the charger itself. */
@Entity
@Table(name = "connector")
@IdClass(Connector.Key.class)
@NamedQuery(name = "Connector.findByCharger",
        query = "SELECT c FROM Connector c WHERE c.chargerId = :chargerId ORDER BY c.connectorId")
@NamedQuery(name = "Connector.findAll", query = "SELECT c FROM Connector c ORDER BY c.chargerId, c.connectorId")
public class Connector {

    /** Composite key (chargerId, connectorId); a plain class because JPA sets its fields reflectively. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String chargerId;
        private int connectorId;

        public Key() {
        }

        public Key(String chargerId, int connectorId) {
            this.chargerId = chargerId;
            this.connectorId = connectorId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(chargerId, k.chargerId)
                    && java.util.Objects.equals(connectorId, k.connectorId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(chargerId, connectorId);
        }
    }


    @Id
    @Column(name = "charger_id")
    private String chargerId;
    @Id
    @Column(name = "connector_id")
    private int connectorId;
    private String status;
    @Column(name = "error_code")
    private String errorCode;
    private String info;
    @Column(name = "vendor_id")
    private String vendorId;
    @Column(name = "vendor_error_code")
    private String vendorErrorCode;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Connector() {
    }

    public Connector(String chargerId, int connectorId) {
        this.chargerId = chargerId;
        this.connectorId = connectorId;
    }

    /** Applies a status report unless a newer one was already stored (reports can arrive out of order). */
    public boolean report(ConnectorStatus report) {
        if (updatedAt != null && report.at().isBefore(updatedAt)) {
            return false;
        }
        status = report.status();
        errorCode = report.errorCode();
        info = report.info();
        vendorId = report.vendorId();
        vendorErrorCode = report.vendorErrorCode();
        updatedAt = report.at();
        return true;
    }

    public String chargerId() {
        return chargerId;
    }

    public int connectorId() {
        return connectorId;
    }

    public String status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String info() {
        return info;
    }

    public String vendorId() {
        return vendorId;
    }

    public String vendorErrorCode() {
        return vendorErrorCode;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
