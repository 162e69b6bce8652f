package io.plughome.insight;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The owner's static tariff: one price per kWh in one currency. One row, id 1. */
@Entity
@Table(name = "tariff")
public class Tariff {

    public static final int ID = 1;

    @Id
    private int id;
    @Column(name = "price_per_kwh")
    private BigDecimal pricePerKwh;
    private String currency;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Tariff() {
    }

    public Tariff(BigDecimal pricePerKwh, String currency, Instant now) {
        this.id = ID;
        change(pricePerKwh, currency, now);
    }

    public void change(BigDecimal pricePerKwh, String currency, Instant now) {
        this.pricePerKwh = pricePerKwh;
        this.currency = currency;
        this.updatedAt = now;
    }

    public BigDecimal pricePerKwh() {
        return pricePerKwh;
    }

    public String currency() {
        return currency;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
