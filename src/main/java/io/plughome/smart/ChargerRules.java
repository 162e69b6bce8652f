package io.plughome.smart;

import io.plughome.control.Command.SetLimit.Purpose;
import io.plughome.control.RateUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A charger's own smart-charging rules (its limit and the owner's override) and what is known
 * about putting limits to it: the profile shape it accepts and how the last attempt ended.
 */
@Entity
@Table(name = "charger_rules")
@NamedQuery(name = "ChargerRules.findAll", query = "SELECT r FROM ChargerRules r")
public class ChargerRules {

    @Id
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "max_current_a")
    private Double maxCurrentA;
    @Column(name = "max_power_w")
    private Double maxPowerW;
    @Column(name = "override_set")
    private boolean overrideSet;
    @Column(name = "override_until")
    private Instant overrideUntil;
    @Column(name = "paused")
    private boolean paused;
    @Column(name = "profile_purpose")
    private String profilePurpose;
    @Column(name = "profile_per_connector")
    private Boolean profilePerConnector;
    @Column(name = "profile_stack_level")
    private Integer profileStackLevel;
    @Column(name = "profile_unit")
    private String profileUnit;
    @Column(name = "applied_status")
    private String appliedStatus;
    @Column(name = "applied_detail")
    private String appliedDetail;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "applied_limit")
    private Double appliedLimit;
    @Column(name = "applied_unit")
    private String appliedUnit;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ChargerRules() {
    }

    public ChargerRules(String chargerId, Instant now) {
        this.chargerId = chargerId;
        this.updatedAt = now;
    }

    public String chargerId() {
        return chargerId;
    }

    /** The charger's own limit, or null. */
    public Limit limit() {
        if (maxCurrentA != null) {
            return Limit.amps(maxCurrentA);
        }
        return maxPowerW == null ? null : Limit.watts(maxPowerW);
    }

    public void limit(Limit limit, Instant now) {
        maxCurrentA = limit != null && limit.unit() == RateUnit.A ? limit.value() : null;
        maxPowerW = limit != null && limit.unit() == RateUnit.W ? limit.value() : null;
        updatedAt = now;
    }

    /** The owner's override, or null. */
    public ChargeOverride override() {
        return overrideSet ? new ChargeOverride(overrideUntil) : null;
    }

    public void override(ChargeOverride override, Instant now) {
        overrideSet = override != null;
        overrideUntil = override == null ? null : override.until();
        updatedAt = now;
    }

    /** Whether the owner paused charging (held at 0 until resumed or until the session ends). */
    public boolean paused() {
        return paused;
    }

    public void paused(boolean paused, Instant now) {
        this.paused = paused;
        updatedAt = now;
    }

    /** The profile shape this charger accepted last, or null when none is known. */
    public ProfileShape shape() {
        if (profilePurpose == null) {
            return null;
        }
        return new ProfileShape(Purpose.valueOf(profilePurpose), Boolean.TRUE.equals(profilePerConnector),
                profileStackLevel == null ? 0 : profileStackLevel, RateUnit.valueOf(profileUnit));
    }

    /** Records how an attempt to apply a limit ended; a shape the charger accepted is remembered. */
    public void applied(ApplyResult result) {
        appliedStatus = result.status().wire();
        appliedDetail = result.detail() == null || result.detail().length() <= 1000 ? result.detail()
                : result.detail().substring(0, 1000);
        appliedAt = result.at();
        if (result.status() == ApplyResult.Status.APPLIED || result.status() == ApplyResult.Status.CLEARED) {
            appliedLimit = result.sent() == null ? null : result.sent().value();
            appliedUnit = result.sent() == null ? null : result.sent().unit().name();
        }
        if (result.shape() != null) {
            profilePurpose = result.shape().purpose().name();
            profilePerConnector = result.shape().perConnector();
            profileStackLevel = result.shape().stackLevel();
            profileUnit = result.shape().unit().name();
        }
    }

    /** The limit the charger accepted last (as sent), or null when it holds none of ours. */
    public Limit appliedLimit() {
        return appliedLimit == null ? null : new Limit(appliedLimit, RateUnit.valueOf(appliedUnit));
    }

    public String appliedStatus() {
        return appliedStatus;
    }

    public String appliedDetail() {
        return appliedDetail;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
