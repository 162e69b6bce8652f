package io.plughome.charger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One connector of a charger, as its last status report left it. Connector 0 is the charger
 * itself. Clients address connectors by {@code connectorId}; {@code evseId} and
 * {@code evseConnectorId} say where the charger's protocol puts it (2.0.1 EVSEs hold connectors).
 */
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
    @Column(name = "evse_id")
    private Integer evseId;
    @Column(name = "evse_connector_id")
    private Integer evseConnectorId;
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
        evseId = report.evseId();
        if (report.evseConnectorId() != null) {
            evseConnectorId = report.evseConnectorId();
        }
        status = state(report.state()).name();
        errorCode = report.fault() == null ? errorCode : report.fault().name();
        info = report.info();
        vendorId = report.vendorId();
        vendorErrorCode = report.vendorErrorCode();
        updatedAt = report.at();
        return true;
    }

    /**
     * The state a report leaves: its own, or, for a report of "occupied" without the detail
     * ({@code null}: 2.0.1 Occupied, whose charging state comes in transaction events), the
     * occupied state the connector is already in, Preparing otherwise.
     */
    private ConnectorState state(ConnectorState reported) {
        if (reported != null) {
            return reported;
        }
        ConnectorState current = status == null ? null : ConnectorState.byName(status).orElse(null);
        return current != null && current.occupied() ? current : ConnectorState.Preparing;
    }

    public String chargerId() {
        return chargerId;
    }

    public int connectorId() {
        return connectorId;
    }

    /** The EVSE holding this connector (1.6: the connector's own number). */
    public Integer evseId() {
        return evseId;
    }

    /** The connector's number within its EVSE (2.0.1), 1 for a 1.6 connector, null for the charger itself. */
    public Integer evseConnectorId() {
        return evseConnectorId;
    }

    /** Its state: a {@link ConnectorState} name. */
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
