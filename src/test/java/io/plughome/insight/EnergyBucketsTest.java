package io.plughome.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plughome.insight.EnergyBuckets.Bucket;
import io.plughome.insight.EnergyBuckets.Period;
import io.plughome.insight.EnergyBuckets.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyBucketsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void daysFollowLocalMidnightsAndTheDayTheClocksGoBackHas25Hours() {
        List<Bucket> days = EnergyBuckets.of(EnergyBuckets.edges(Period.DAY, t("2026-10-24T12:00:00Z"),
                t("2026-10-26T12:00:00Z"), BERLIN), List.of(), null, null);
        assertEquals(3, days.size());
        assertEquals(t("2026-10-23T22:00:00Z"), days.get(0).start(), "24 October starts at midnight CEST");
        assertEquals(t("2026-10-24T22:00:00Z"), days.get(1).start());
        assertEquals(Duration.ofHours(25), Duration.between(days.get(1).start(), days.get(1).end()));
        assertEquals(t("2026-10-26T23:00:00Z"), days.get(2).end(), "26 October ends at midnight CET");
    }

    @Test
    void aSessionCountsInTheBucketWhereItStartedAtItsOwnPrice() {
        List<Usage> usages = List.of(
                new Usage(t("2026-11-23T22:30:00Z"), 10_000L, new BigDecimal("0.30")), // Mon 23:30 local
                new Usage(t("2026-11-23T23:30:00Z"), 5_000L, new BigDecimal("0.40")),  // Tue 00:30 local
                new Usage(t("2026-11-24T10:00:00Z"), 2_500L, null),                     // Tue, no price of its own
                new Usage(t("2026-11-25T10:00:00Z"), null, null));                      // Wed, start reading unknown
        List<Bucket> days = EnergyBuckets.of(EnergyBuckets.edges(Period.DAY, t("2026-11-23T00:00:00Z"),
                t("2026-11-25T23:00:00Z"), BERLIN), usages, new BigDecimal("0.20"), "EUR");
        assertEquals(3, days.size());
        assertEquals(10_000, days.get(0).energyWh());
        assertEquals(new BigDecimal("3.00"), days.get(0).cost());
        assertEquals(7_500, days.get(1).energyWh());
        assertEquals(new BigDecimal("2.50"), days.get(1).cost(), "5 kWh at 0.40 and 2.5 kWh at the current 0.20");
        assertEquals(2, days.get(1).sessions());
        assertEquals(0, days.get(2).energyWh());
        assertEquals(1, days.get(2).sessions());
        assertEquals(new BigDecimal("0.00"), days.get(2).cost());
        assertEquals("EUR", days.get(2).currency());
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        List<Bucket> weeks = EnergyBuckets.of(EnergyBuckets.edges(Period.WEEK, t("2026-11-26T12:00:00Z"),
                t("2026-11-27T12:00:00Z"), BERLIN), List.of(new Usage(t("2026-11-29T22:59:00Z"), 100L, null)), null,
                null);
        assertEquals(1, weeks.size());
        assertEquals(t("2026-11-22T23:00:00Z"), weeks.get(0).start(), "Monday 23 November, local midnight");
        assertEquals(100, weeks.get(0).energyWh(), "Sunday 23:59 is still in the week");
        assertNull(weeks.get(0).cost(), "no price anywhere: no cost");
        List<Bucket> months = EnergyBuckets.of(EnergyBuckets.edges(Period.MONTH, t("2026-02-10T00:00:00Z"),
                t("2026-04-01T00:00:00Z"), BERLIN), List.of(), null, null);
        assertEquals(List.of(t("2026-01-31T23:00:00Z"), t("2026-02-28T23:00:00Z"), t("2026-03-31T22:00:00Z")),
                months.stream().map(Bucket::start).toList());
    }

    @Test
    void yenHasNoCents() {
        List<Bucket> days = EnergyBuckets.of(EnergyBuckets.edges(Period.DAY, t("2026-11-24T00:00:00Z"),
                t("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Tokyo")),
                List.of(new Usage(t("2026-11-24T00:30:00Z"), 7_777L, new BigDecimal("31.5"))), null, "JPY");
        assertEquals(new BigDecimal("245"), days.get(0).cost());
    }

    @Test
    void defaultsAndLimits() {
        Instant end = EnergyBuckets.endOfBucket(Period.MONTH, t("2026-11-24T12:00:00Z"), BERLIN);
        assertEquals(t("2026-11-30T23:00:00Z"), end);
        assertEquals(t("2025-11-30T23:00:00Z"), EnergyBuckets.startOfLast(Period.MONTH, 12, end, BERLIN));
        assertThrows(IllegalArgumentException.class, () -> EnergyBuckets.edges(Period.DAY, t("2020-01-01T00:00:00Z"),
                t("2026-01-01T00:00:00Z"), BERLIN), "more than 1000 buckets");
        assertThrows(IllegalArgumentException.class, () -> EnergyBuckets.edges(Period.DAY, t("2026-01-02T00:00:00Z"),
                t("2026-01-01T00:00:00Z"), BERLIN));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("year"));
    }
}
