package io.plughome.charger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One attribute of one variable of a charger's device model (2.0.1 NotifyReport): the component
 * (with its instance and EVSE), the variable (with its instance), the attribute type and its
 * value, and what the charger says of it. Stored as reported; the newest report wins.
 */
@Entity
@Table(name = "device_variable")
@IdClass(DeviceVariable.Key.class)
@NamedQuery(name = "DeviceVariable.findByCharger", query = "SELECT v FROM DeviceVariable v"
        + " WHERE v.chargerId = :chargerId ORDER BY v.component, v.componentInstance, v.evseId, v.variable,"
        + " v.variableInstance, v.attributeType")
@NamedQuery(name = "DeviceVariable.find", query = "SELECT v FROM DeviceVariable v WHERE v.chargerId = :chargerId"
        + " AND v.component = :component AND v.variable = :variable ORDER BY v.variableInstance, v.attributeType")
public class DeviceVariable {

    public static final int NAME_MAX = 50;
    public static final int VALUE_MAX = 2500;
    public static final int VALUES_LIST_MAX = 1000;
    public static final int UNIT_MAX = 16;

    /** Composite key (chargerId, variableKey). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String chargerId;
        private String variableKey;

        public Key() {
        }

        public Key(String chargerId, String variableKey) {
            this.chargerId = chargerId;
            this.variableKey = variableKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(chargerId, k.chargerId)
                    && Objects.equals(variableKey, k.variableKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargerId, variableKey);
        }
    }

    /** What a report says of one attribute. */
    public record Reported(String component, String componentInstance, Integer evseId, Integer evseConnectorId,
            String variable, String variableInstance, String attributeType, String value, String mutability,
            String dataType, String unit, String valuesList) {

        /** Everything that names the attribute, as one string (the row's key). */
        public String key() {
            return component + "[" + nz(componentInstance) + "]@" + (evseId == null ? "" : evseId)
                    + (evseConnectorId == null ? "" : "/" + evseConnectorId) + "." + variable + "["
                    + nz(variableInstance) + "]#" + attributeType;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    @Id
    @Column(name = "charger_id")
    private String chargerId;
    @Id
    @Column(name = "variable_key", length = 300)
    private String variableKey;
    @Column(length = NAME_MAX)
    private String component;
    @Column(name = "component_instance", length = NAME_MAX)
    private String componentInstance;
    @Column(name = "evse_id")
    private Integer evseId;
    @Column(name = "evse_connector_id")
    private Integer evseConnectorId;
    @Column(length = NAME_MAX)
    private String variable;
    @Column(name = "variable_instance", length = NAME_MAX)
    private String variableInstance;
    @Column(name = "attribute_type", length = 10)
    private String attributeType;
    @Column(name = "attribute_value", length = VALUE_MAX)
    private String value;
    @Column(length = 10)
    private String mutability;
    @Column(name = "data_type", length = 20)
    private String dataType;
    @Column(length = UNIT_MAX)
    private String unit;
    @Column(name = "values_list", length = VALUES_LIST_MAX)
    private String valuesList;
    @Column(name = "reported_at")
    private Instant reportedAt;

    protected DeviceVariable() {
    }

    public DeviceVariable(String chargerId, Reported r) {
        this.chargerId = chargerId;
        this.variableKey = r.key();
        this.component = r.component();
        this.componentInstance = r.componentInstance();
        this.evseId = r.evseId();
        this.evseConnectorId = r.evseConnectorId();
        this.variable = r.variable();
        this.variableInstance = r.variableInstance();
        this.attributeType = r.attributeType();
    }

    public void reported(Reported r, Instant at) {
        this.value = r.value();
        this.mutability = r.mutability();
        this.dataType = r.dataType();
        this.unit = r.unit();
        this.valuesList = r.valuesList();
        this.reportedAt = at;
    }

    /** Notes a value the server read or wrote (GetVariables, SetVariables accepted). */
    public void value(String value, Instant at) {
        this.value = value;
        this.reportedAt = at;
    }

    public String component() {
        return component;
    }

    public String componentInstance() {
        return componentInstance;
    }

    public Integer evseId() {
        return evseId;
    }

    public Integer evseConnectorId() {
        return evseConnectorId;
    }

    public String variable() {
        return variable;
    }

    public String variableInstance() {
        return variableInstance;
    }

    public String attributeType() {
        return attributeType;
    }

    public String value() {
        return value;
    }

    public String mutability() {
        return mutability;
    }

    public String dataType() {
        return dataType;
    }

    public String unit() {
        return unit;
    }

    public String valuesList() {
        return valuesList;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
