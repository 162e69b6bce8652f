package io.plughome.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Up to when a kind of history has been thinned ({@link ReadingsRetention}): each period is thinned once. */
@Entity
@Table(name = "retention_mark")
public class RetentionMark {

    @Id
    private String name;
    @Column(name = "done_until")
    private Instant doneUntil;

    protected RetentionMark() {
    }

    RetentionMark(String name, Instant doneUntil) {
        this.name = name;
        this.doneUntil = doneUntil;
    }

    Instant doneUntil() {
        return doneUntil;
    }

    void doneUntil(Instant at) {
        doneUntil = at;
    }
}
