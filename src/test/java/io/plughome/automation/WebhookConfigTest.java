package io.plughome.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
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
    void eventsAreCheckedAndStarMeansAll() {
        assertEquals(List.of("*"), Webhooks.normalised(List.of("session.started", "*")));
        assertEquals(List.of("session.started", "charger.fault"),
                Webhooks.normalised(List.of(" session.started", "charger.fault", "session.started")));
        assertThrows(IllegalArgumentException.class, () -> Webhooks.normalised(List.of("meter.values")));
        assertThrows(IllegalArgumentException.class, () -> Webhooks.normalised(List.of()));
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookDispatcher.sign("Jefe", "what do ya want for nothing?"));
    }
}
