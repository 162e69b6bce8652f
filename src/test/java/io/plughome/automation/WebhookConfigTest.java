package io.plughome.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {

    @Test
    void retriesDoubleFromTheFirstWaitToTheCeilingThenStop() {
        assertEquals(Duration.ofSeconds(5), WebhookConfig.retryAfter(1, 5, 3600, 12));
        assertEquals(Duration.ofSeconds(10), WebhookConfig.retryAfter(2, 5, 3600, 12));
        assertEquals(Duration.ofSeconds(40), WebhookConfig.retryAfter(4, 5, 3600, 12));
        assertEquals(Duration.ofSeconds(3600), WebhookConfig.retryAfter(11, 5, 3600, 12));
        assertNull(WebhookConfig.retryAfter(12, 5, 3600, 12), "twelve tries, then given up");
        assertEquals(Duration.ofSeconds(3600), WebhookConfig.retryAfter(40, 5, 3600, 100), "no overflow");
    }

    @Test
    void eventsAreCheckedAndStarMeansTheListedEvents() {
        assertEquals(List.of("*"), Webhooks.normalised(List.of("session.started", "*")));
        assertEquals(List.of("session.started", "charger.fault"),
                Webhooks.normalised(List.of(" session.started", "charger.fault", "session.started")));
        assertEquals(List.of("meter.values"), Webhooks.normalised(List.of("meter.values")));
        assertEquals(List.of("*", "meter.values"), Webhooks.normalised(List.of("charger.fault", "*", "meter.values")));
        assertThrows(IllegalArgumentException.class, () -> Webhooks.normalised(List.of("meter.value")));
        assertThrows(IllegalArgumentException.class, () -> Webhooks.normalised(List.of()));

        Webhook all = new Webhook("http://h/", List.of("*"), "s", Instant.EPOCH, "t");
        for (String event : Webhook.EVENTS) {
            assertTrue(all.wants(event), event);
        }
        assertFalse(all.wants("meter.values"), "meter values only to a subscription that names them");
        assertFalse(all.wants("ping"));
        Webhook allAndMeters = new Webhook("http://h/", List.of("*", "meter.values"), "s", Instant.EPOCH, "t");
        assertTrue(allAndMeters.wants("meter.values"));
        assertTrue(allAndMeters.wants("session.stopped"));
        Webhook meters = new Webhook("http://h/", List.of("meter.values"), "s", Instant.EPOCH, "t");
        assertTrue(meters.wants("meter.values"));
        assertFalse(meters.wants("session.started"));
    }

    @Test
    void aRefusalThatCannotChangeIsNotTriedAgain() {
        Duration later = Duration.ofSeconds(5);
        for (int code : new int[] {400, 401, 403, 404, 410, 422}) {
            WebhookDelivery d = new WebhookDelivery(1, "e", "charger.status", "CP", "{}", Instant.EPOCH);
            d.attempted(Instant.EPOCH, code, "HTTP " + code, later);
            assertEquals(WebhookDelivery.Status.FAILED, d.status(), "HTTP " + code);
            assertNull(d.nextAttemptAt());
        }
        for (Integer code : new Integer[] {408, 425, 429, 500, 503, null}) {
            WebhookDelivery d = new WebhookDelivery(1, "e", "charger.status", "CP", "{}", Instant.EPOCH);
            d.attempted(Instant.EPOCH, code, "failed", later);
            assertEquals(WebhookDelivery.Status.PENDING, d.status(), "HTTP " + code);
            assertEquals(Instant.EPOCH.plus(later), d.nextAttemptAt());
        }
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookDispatcher.sign("Jefe", "what do ya want for nothing?"));
    }
}
