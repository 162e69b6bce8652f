package io.plughome.charger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A charge point, known by the id it connects with. */
@Entity
@Table(name = "charger")
@NamedQuery(name = "Charger.findAll", query = "SELECT c FROM Charger c ORDER BY c.id")
@NamedQuery(name = "Charger.count", query = "SELECT COUNT(c) FROM Charger c")
@NamedQuery(name = "Charger.idsByRegistration", query = "SELECT c.id FROM Charger c WHERE c.registration = :registration")
@NamedQuery(name = "Charger.updateLastSeen", query = "UPDATE Charger c SET c.lastSeen = :at WHERE c.id = :id"
        + " AND (c.lastSeen IS NULL OR c.lastSeen < :at)")
public class Charger {

    /** The width of the charger.id column (the charge point id from the URL). */
    public static final int ID_MAX = 255;


    @Id
    private String id;

    private String name;
    private String vendor;
    private String model;
    @Column(name = "serial_number")
    private String serialNumber;
    @Column(name = "charge_box_serial")
    private String chargeBoxSerialNumber;
    @Column(name = "firmware_version")
    private String firmwareVersion;
    private String iccid;
    private String imsi;
    @Column(name = "meter_type")
    private String meterType;
    @Column(name = "meter_serial_number")
    private String meterSerialNumber;
    private String protocol;
    @Enumerated(EnumType.STRING)
    private Registration registration;
    @Column(name = "shared_secret_hash")
    private String sharedSecretHash;
    @Column(name = "first_seen")
    private Instant firstSeen;
    @Column(name = "last_seen")
    private Instant lastSeen;
    @Column(name = "last_boot")
    private Instant lastBoot;
    @Column(name = "diagnostics_status")
    private String diagnosticsStatus;
    @Column(name = "diagnostics_status_at")
    private Instant diagnosticsStatusAt;
    @Column(name = "firmware_status")
    private String firmwareStatus;
    @Column(name = "firmware_status_at")
    private Instant firmwareStatusAt;

    protected Charger() {
    }

    public Charger(String id, Registration registration, Instant now) {
        this.id = id;
        this.registration = registration;
        this.firstSeen = now;
        this.lastSeen = now;
    }

    public void seen(Instant at, String protocol) {
        if (lastSeen == null || at.isAfter(lastSeen)) {
            lastSeen = at;
        }
        if (protocol != null) {
            this.protocol = protocol;
        }
    }

    public void booted(BootInfo info, Instant at) {
        vendor = info.vendor();
        model = info.model();
        serialNumber = info.serialNumber();
        chargeBoxSerialNumber = info.chargeBoxSerialNumber();
        firmwareVersion = info.firmwareVersion();
        iccid = info.iccid();
        imsi = info.imsi();
        meterType = info.meterType();
        meterSerialNumber = info.meterSerialNumber();
        lastBoot = at;
    }

    public void rename(String name) {
        this.name = name;
    }

    /** Sets (hashed) or, with null, removes the shared secret the charger must present. */
    public void sharedSecret(String secret) {
        sharedSecretHash = secret == null ? null : SharedSecrets.hash(secret);
    }

    /** Sets a secret PlugHome generated (its hash is the fast form, see {@link SharedSecrets}). */
    public void generatedSecret(String secret) {
        sharedSecretHash = SharedSecrets.hashGenerated(secret);
    }

    /** Replaces the stored hash with a stronger one of the same secret, made at a good login. */
    void rehashedSecret(String hash) {
        sharedSecretHash = hash;
    }

    /** Whether the presented credentials are acceptable: anything when no secret is set. */
    public boolean admits(String presentedSecret) {
        return admits(presentedSecret == null ? null : presentedSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether these HTTP Basic password bytes are acceptable, in any form they may take. */
    public boolean admits(byte[] presented) {
        return sharedSecretHash == null || presented != null && SharedSecrets.presentedForms(presented).stream()
                .anyMatch(form -> SharedSecrets.matches(form, sharedSecretHash));
    }

    /** The stored hash of the shared secret, for the login check (null: no secret). */
    String sharedSecretHash() {
        return sharedSecretHash;
    }

    public boolean hasSharedSecret() {
        return sharedSecretHash != null;
    }

    public void register(Registration registration) {
        this.registration = registration;
    }

    public void diagnosticsStatus(String status, Instant at) {
        diagnosticsStatus = status;
        diagnosticsStatusAt = at;
    }

    public void firmwareStatus(String status, Instant at) {
        firmwareStatus = status;
        firmwareStatusAt = at;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String vendor() {
        return vendor;
    }

    public String model() {
        return model;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String chargeBoxSerialNumber() {
        return chargeBoxSerialNumber;
    }

    public String firmwareVersion() {
        return firmwareVersion;
    }

    public String iccid() {
        return iccid;
    }

    public String imsi() {
        return imsi;
    }

    public String meterType() {
        return meterType;
    }

    public String meterSerialNumber() {
        return meterSerialNumber;
    }

    public String protocol() {
        return protocol;
    }

    public Registration registration() {
        return registration;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public Instant lastBoot() {
        return lastBoot;
    }

    public String diagnosticsStatus() {
        return diagnosticsStatus;
    }

    public Instant diagnosticsStatusAt() {
        return diagnosticsStatusAt;
    }

    public String firmwareStatus() {
        return firmwareStatus;
    }

    public Instant firmwareStatusAt() {
        return firmwareStatusAt;
    }
}
