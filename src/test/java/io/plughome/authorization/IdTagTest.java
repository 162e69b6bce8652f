package io.plughome.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The answer for an idTag: its status, Expired once an accepted one is past its expiry. */
class IdTagTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static IdTag tag(IdTagStatus status, Instant expiry) {
        IdTag tag = new IdTag("Card-1", NOW);
        tag.change("Card-1", null, "Anna", status, expiry, "FAMILY", 1, NOW);
        return tag;
    }

    @Test
    void anAcceptedIdTagIsExpiredFromItsExpiryOn() {
        Instant expiry = NOW.plusSeconds(60);
        assertEquals(new Verdict(IdTagStatus.Accepted, expiry, "FAMILY"), tag(IdTagStatus.Accepted, expiry).verdict(NOW));
        assertEquals(IdTagStatus.Expired, tag(IdTagStatus.Accepted, expiry).verdict(expiry).status());
        assertEquals(IdTagStatus.Accepted, tag(IdTagStatus.Accepted, null).verdict(NOW).status());
    }

    @Test
    void otherStatusesStayAsSetAndIdTagsCompareWithoutCase() {
        assertEquals(IdTagStatus.Blocked, tag(IdTagStatus.Blocked, NOW.minusSeconds(60)).verdict(NOW).status());
        assertEquals(IdTagStatus.Invalid, tag(IdTagStatus.Invalid, null).verdict(NOW).status());
        assertEquals(IdTag.key("card-1"), IdTag.key("CARD-1"));
        assertEquals("CARD-1", tag(IdTagStatus.Accepted, null).key());
    }
}
