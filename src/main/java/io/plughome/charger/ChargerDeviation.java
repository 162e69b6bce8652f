package io.plughome.charger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** How often a charger deviated from the specification in one tolerated way, and an example. */
@Entity
@Table(name = "charger_deviation")
@IdClass(ChargerDeviation.Key.class)
@NamedQuery(name = "ChargerDeviation.findByCharger",
        query = "SELECT d FROM ChargerDeviation d WHERE d.chargerId = :chargerId ORDER BY d.kind")
public class ChargerDeviation {

    /** Composite key (chargerId, kind); a plain class because JPA sets its fields reflectively. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String chargerId;
        private String kind;

        public Key() {
        }

        public Key(String chargerId, String kind) {
            this.chargerId = chargerId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(chargerId, k.chargerId)
                    && java.util.Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(chargerId, kind);
        }
    }


    @Id
    @Column(name = "charger_id")
    private String chargerId;
    @Id
    private String kind;
    private long occurrences;
    @Column(name = "last_at")
    private Instant lastAt;
    private String example;

    protected ChargerDeviation() {
    }

    public ChargerDeviation(String chargerId, String kind) {
        this.chargerId = chargerId;
        this.kind = kind;
    }

    public void occurred(String example, Instant at) {
        occurrences++;
        this.example = example;
        lastAt = at;
    }

    public String kind() {
        return kind;
    }

    public long occurrences() {
        return occurrences;
    }

    public Instant lastAt() {
        return lastAt;
    }

    public String example() {
        return example;
    }
}
