package io.plughome.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to the idTags; its number is the version of the local authorization list it made. */
@Entity
@Table(name = "local_list_change")
@NamedQuery(name = "ListChange.current", query = "SELECT MAX(c.version) FROM ListChange c")
@NamedQuery(name = "ListChange.since", query = "SELECT c FROM ListChange c WHERE c.version > :version"
        + " ORDER BY c.version")
public class ListChange {

    @Id
    @Column(name = "list_version")
    @SequenceGenerator(name = "local_list_version_seq", sequenceName = "local_list_version_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "local_list_version_seq")
    private Integer version;
    @Column(name = "id_tag_key", length = IdTag.MAX_LENGTH)
    private String key;
    @Column(name = "id_tag", length = IdTag.MAX_LENGTH)
    private String idTag;
    private boolean removed;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected ListChange() {
    }

    public ListChange(String idTag, boolean removed, Instant at) {
        this.key = IdTag.key(idTag);
        this.idTag = idTag;
        this.removed = removed;
        this.changedAt = at;
    }

    public int version() {
        return version;
    }

    public String key() {
        return key;
    }

    public String idTag() {
        return idTag;
    }

    public boolean removed() {
        return removed;
    }
}
