package io.plughome.session;

import java.time.Instant;

/** Filters and paging for the session history: sessions that started in [from, to). */
public record SessionQuery(String chargerId, Instant from, Instant to, int offset, int limit) {
}
