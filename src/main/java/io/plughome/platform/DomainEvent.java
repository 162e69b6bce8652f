package io.plughome.platform;

import java.time.Instant;

/**
 * Something that happened in the domain and that outside listeners (live events, webhooks, MQTT)
 * may want: fired as a CDI event once what it reports is stored. {@link #type()} is the event's
 * name on the wire, e.g. {@code session.started}.
 */
public interface DomainEvent {

    String type();

    String chargerId();

    Instant at();
}
