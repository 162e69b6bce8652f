package io.plughome.smart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The site limit: the current (per phase) all chargers together may draw. One row, id 1. */
@Entity
@Table(name = "site_limit")
public class SiteLimit {

    public static final int ID = 1;

    @Id
    private int id;
    @Column(name = "max_current_a")
    private double maxCurrentA;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SiteLimit() {
    }

    public SiteLimit(double maxCurrentA, Instant now) {
        this.id = ID;
        change(maxCurrentA, now);
    }

    public void change(double maxCurrentA, Instant now) {
        this.maxCurrentA = maxCurrentA;
        this.updatedAt = now;
    }

    public double maxCurrentA() {
        return maxCurrentA;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
