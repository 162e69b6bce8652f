package io.plughome.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one charger holds of the local authorization list, and how the last update ended. */
@Entity
@Table(name = "charger_local_list")
public class ChargerLocalList {

    @Id
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "list_version")
    private Integer version;
    private String status;
    private String detail;
    @Column(name = "update_type")
    private String updateType;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ChargerLocalList() {
    }

    public ChargerLocalList(String chargerId) {
        this.chargerId = chargerId;
    }

    /** How the last exchange ended; {@code version} is what the charger holds now (null: not known). */
    public void result(Integer version, String status, String detail, String updateType, Instant now) {
        this.version = version;
        this.status = status;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.updateType = updateType;
        this.updatedAt = now;
    }

    public String chargerId() {
        return chargerId;
    }

    public Integer version() {
        return version;
    }

    public String status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public String updateType() {
        return updateType;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
