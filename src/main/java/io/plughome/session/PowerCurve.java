package io.plughome.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session's power over time, from its stored readings, for the dashboard's curve: the charger's
 * own power reading where it sends one (phases summed when it sends them per phase), otherwise the
 * power its energy register implies between two readings. At most {@code maxPoints} points: more
 * readings are averaged over equal stretches of time, so an 8-hour session with a reading every
 * 10 s (2,880) draws as fast as a short one.
 */
public final class PowerCurve {

    /** A point of the curve: when, and the power then in W. */
    public record Point(Instant at, double powerW) {
    }

    private static final String POWER = MeterReading.POWER;
    private static final String ENERGY = MeterReading.ENERGY_REGISTER;

    private PowerCurve() {
    }

    public static List<Point> of(List<MeterSample> samples, int maxPoints) {
        List<Point> points = fromPower(samples);
        if (points.isEmpty()) {
            points = fromEnergy(samples);
        }
        return downsample(points, Math.max(2, maxPoints));
    }

    private static boolean outlet(MeterSample s) {
        return s.location() == null || s.location().equals("Outlet");
    }

    private static List<Point> fromPower(List<MeterSample> samples) {
        Map<Instant, Double> total = new TreeMap<>();
        Map<Instant, Double> perPhase = new TreeMap<>();
        for (MeterSample s : samples) {
            if (!POWER.equals(s.measurand()) || s.numericValue() == null || !outlet(s)) {
                continue;
            }
            if (s.phase() == null || s.phase().isEmpty()) {
                total.put(s.sampledAt(), s.numericValue());
            } else if (s.phase().equals("L1") || s.phase().equals("L2") || s.phase().equals("L3")
                    || s.phase().equals("L1-N") || s.phase().equals("L2-N") || s.phase().equals("L3-N")) {
                perPhase.merge(s.sampledAt(), s.numericValue(), Double::sum);
            }
        }
        perPhase.forEach(total::putIfAbsent);
        List<Point> points = new ArrayList<>();
        new TreeMap<>(total).forEach((at, w) -> points.add(new Point(at, w)));
        return points;
    }

    private static List<Point> fromEnergy(List<MeterSample> samples) {
        TreeMap<Instant, Double> register = new TreeMap<>();
        for (MeterSample s : samples) {
            boolean energy = s.measurand() == null || s.measurand().isEmpty() || ENERGY.equals(s.measurand());
            if (energy && s.numericValue() != null && (s.phase() == null || s.phase().isEmpty()) && outlet(s)) {
                register.put(s.sampledAt(), s.numericValue());
            }
        }
        List<Point> points = new ArrayList<>();
        Map.Entry<Instant, Double> previous = null;
        for (Map.Entry<Instant, Double> e : register.entrySet()) {
            if (previous != null) {
                double seconds = Duration.between(previous.getKey(), e.getKey()).toMillis() / 1000.0;
                double wh = e.getValue() - previous.getValue();
                if (seconds > 0 && wh >= 0) {
                    points.add(new Point(e.getKey(), wh * 3600 / seconds));
                }
            }
            previous = e;
        }
        return points;
    }

    static List<Point> downsample(List<Point> points, int maxPoints) {
        if (points.size() <= maxPoints) {
            return points;
        }
        Instant first = points.get(0).at();
        long span = Duration.between(first, points.get(points.size() - 1).at()).toMillis() + 1;
        double width = (double) span / maxPoints;
        List<Point> out = new ArrayList<>();
        int bucket = -1;
        double sum = 0;
        long sumMillis = 0;
        int n = 0;
        for (Point p : points) {
            long offset = Duration.between(first, p.at()).toMillis();
            int b = (int) Math.min(maxPoints - 1, Math.floor(offset / width));
            if (b != bucket && n > 0) {
                out.add(new Point(Instant.ofEpochMilli(sumMillis / n), sum / n));
                sum = 0;
                sumMillis = 0;
                n = 0;
            }
            bucket = b;
            sum += p.powerW();
            sumMillis += p.at().toEpochMilli();
            n++;
        }
        if (n > 0) {
            out.add(new Point(Instant.ofEpochMilli(sumMillis / n), sum / n));
        }
        return out;
    }
}
