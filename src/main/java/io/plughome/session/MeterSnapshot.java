package io.plughome.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a batch of readings says at its latest moment: the energy register (Wh), power (W),
 * current (A) and state of charge (%). Values that were not reported are null.
 *
 * <p>Rules: a phase-less value wins; without one, power is the sum of the phases and current the
 * largest phase. Only the outlet (or unspecified) location counts for the energy register.
 */
public record MeterSnapshot(Instant at, Long registerWh, Double powerW, Double currentA, Double socPercent) {

    /** One snapshot per distinct timestamp, oldest first. */
    public static List<MeterSnapshot> of(Collection<MeterReading> readings) {
        Map<Instant, List<MeterReading>> byTime = readings.stream()
                .filter(r -> r.at() != null)
                .collect(Collectors.groupingBy(MeterReading::at, TreeMap::new, Collectors.toList()));
        return byTime.entrySet().stream().map(e -> at(e.getKey(), e.getValue())).toList();
    }

    /** The latest values of a batch, each taken from the newest reading that has it. */
    public static MeterSnapshot latest(Collection<MeterReading> readings) {
        List<MeterSnapshot> snapshots = of(readings);
        Long register = null;
        Double power = null;
        Double current = null;
        Double soc = null;
        Instant at = null;
        for (MeterSnapshot s : snapshots) {
            at = s.at;
            register = s.registerWh != null ? s.registerWh : register;
            power = s.powerW != null ? s.powerW : power;
            current = s.currentA != null ? s.currentA : current;
            soc = s.socPercent != null ? s.socPercent : soc;
        }
        return new MeterSnapshot(at, register, power, current, soc);
    }

    private static MeterSnapshot at(Instant at, List<MeterReading> readings) {
        Double register = total(readings, MeterReading.ENERGY_REGISTER, false);
        Double power = total(readings, MeterReading.POWER, true);
        Double current = phaseless(readings, MeterReading.CURRENT);
        if (current == null) {
            current = readings.stream().filter(r -> r.is(MeterReading.CURRENT) && r.hasPhase())
                    .map(MeterReading::baseValue).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        }
        Double soc = phaseless(readings, MeterReading.SOC);
        return new MeterSnapshot(at, register == null ? null : Units.wattHours(register), power, current, soc);
    }

    private static Double total(List<MeterReading> readings, String measurand, boolean sumPhases) {
        Double value = phaseless(readings, measurand);
        if (value != null || !sumPhases) {
            return value;
        }
        List<Double> phases = readings.stream()
                .filter(r -> r.is(measurand) && isLinePhase(r.phase()) && isOutlet(r))
                .map(MeterReading::baseValue).filter(Objects::nonNull).toList();
        return phases.isEmpty() ? null : phases.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static Double phaseless(List<MeterReading> readings, String measurand) {
        return readings.stream().filter(r -> r.is(measurand) && !r.hasPhase() && isOutlet(r))
                .map(MeterReading::baseValue).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean isLinePhase(String phase) {
        return "L1".equals(phase) || "L2".equals(phase) || "L3".equals(phase)
                || "L1-N".equals(phase) || "L2-N".equals(phase) || "L3-N".equals(phase);
    }

    private static boolean isOutlet(MeterReading r) {
        return r.location() == null || "Outlet".equals(r.location());
    }
}
