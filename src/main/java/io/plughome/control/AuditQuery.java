package io.plughome.control;

import java.time.Instant;

/** Filters and page of an audit log search; null filters match everything. */
public record AuditQuery(String chargerId, String action, String actor, Outcome outcome, Instant from, Instant to,
        int offset, int limit) {
}
