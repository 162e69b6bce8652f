/**
 * Home automation: webhooks (signed POSTs of domain events from a persisted outbox). The events
 * are the same {@link io.plughome.platform.DomainEvent}s the live event stream sends.
 */
package io.plughome.automation;
