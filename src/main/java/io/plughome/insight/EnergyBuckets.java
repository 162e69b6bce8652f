package io.plughome.insight;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Energy and cost per calendar day, week (Monday to Monday) or month in the owner's time zone: a
 * pure function of the sessions. A session counts in the bucket in which it started; its cost is
 * its energy at the price it carries (the tariff in force at its start), or at the current price
 * when it carries none. Buckets follow local midnights, so the day the clocks change has 23 or
 * 25 hours.
 */
public final class EnergyBuckets {

    /** The calendar period of a bucket. */
    public enum Period {
        DAY, WEEK, MONTH;

        public static Period parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("period must be day, week or month, not '" + text + "'");
            }
        }

        /** The start of the bucket that holds this local time. */
        ZonedDateTime floor(ZonedDateTime t) {
            ZonedDateTime day = t.truncatedTo(ChronoUnit.DAYS);
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        ZonedDateTime next(ZonedDateTime start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        ZonedDateTime previous(ZonedDateTime start) {
            return switch (this) {
                case DAY -> start.minusDays(1);
                case WEEK -> start.minusWeeks(1);
                case MONTH -> start.minusMonths(1);
            };
        }

        /** How many buckets a report shows when no start is given. */
        public int defaultCount() {
            return switch (this) {
                case DAY -> 31;
                case WEEK -> 12;
                case MONTH -> 12;
            };
        }
    }

    /** What a session contributes: when it started, its energy, the price it was started at. */
    public record Usage(Instant startedAt, Long energyWh, BigDecimal pricePerKwh) {
    }

    /** One bucket: its local start and end (as instants), energy, cost and number of sessions. */
    public record Bucket(Instant start, Instant end, long energyWh, BigDecimal cost, String currency, int sessions) {
    }

    /** The most buckets one report may have. */
    public static final int MAX_BUCKETS = 1000;

    private EnergyBuckets() {
    }

    /** The bucket boundaries that cover [from, to): from moved back to its bucket's start, to up to its bucket's end. */
    public static List<ZonedDateTime> edges(Period period, Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        List<ZonedDateTime> edges = new ArrayList<>();
        ZonedDateTime edge = period.floor(from.atZone(zone));
        edges.add(edge);
        while (edge.toInstant().isBefore(to)) {
            edge = period.next(edge);
            edges.add(edge);
            if (edges.size() > MAX_BUCKETS + 1) {
                throw new IllegalArgumentException("That is more than " + MAX_BUCKETS + " buckets; narrow from/to");
            }
        }
        return edges;
    }

    /** The start of the bucket {@code count - 1} buckets before the one holding {@code end}'s last instant. */
    public static Instant startOfLast(Period period, int count, Instant end, ZoneId zone) {
        ZonedDateTime start = period.floor(end.minusNanos(1).atZone(zone));
        for (int i = 1; i < count; i++) {
            start = period.previous(start);
        }
        return start.toInstant();
    }

    /** The end of the bucket holding {@code t}. */
    public static Instant endOfBucket(Period period, Instant t, ZoneId zone) {
        return period.next(period.floor(t.atZone(zone))).toInstant();
    }

    /**
     * Sums the usages into buckets between the edges. {@code currentPrice} prices usages that carry
     * no price; cost is null in every bucket when neither the usages nor the current tariff give one.
     */
    public static List<Bucket> of(List<ZonedDateTime> edges, List<Usage> usages, BigDecimal currentPrice,
            String currency) {
        int n = edges.size() - 1;
        long[] energy = new long[n];
        int[] sessions = new int[n];
        BigDecimal[] cost = new BigDecimal[n];
        boolean priced = currentPrice != null;
        Instant first = edges.get(0).toInstant();
        Instant last = edges.get(n).toInstant();
        for (Usage u : usages) {
            if (u.startedAt().isBefore(first) || !u.startedAt().isBefore(last)) {
                continue;
            }
            int i = index(edges, u.startedAt());
            long wh = u.energyWh() == null ? 0 : u.energyWh();
            energy[i] += wh;
            sessions[i]++;
            BigDecimal price = u.pricePerKwh() != null ? u.pricePerKwh() : currentPrice;
            if (price != null) {
                priced = true;
                BigDecimal c = Costs.exact(wh, price);
                cost[i] = cost[i] == null ? c : cost[i].add(c);
            }
        }
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal c = !priced ? null : Costs.round(cost[i] == null ? BigDecimal.ZERO : cost[i], currency);
            buckets.add(new Bucket(edges.get(i).toInstant(), edges.get(i + 1).toInstant(), energy[i], c,
                    priced ? currency : null, sessions[i]));
        }
        return buckets;
    }

    private static int index(List<ZonedDateTime> edges, Instant t) {
        int lo = 0;
        int hi = edges.size() - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges.get(mid).toInstant().isAfter(t)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
