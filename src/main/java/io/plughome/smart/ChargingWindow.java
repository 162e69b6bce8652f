package io.plughome.smart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A stored allowed charging window of one charger (the schedules of the API). */
@Entity
@Table(name = "charging_window")
@NamedQuery(name = "ChargingWindow.findAll", query = "SELECT w FROM ChargingWindow w ORDER BY w.chargerId, w.id")
@NamedQuery(name = "ChargingWindow.findByCharger",
        query = "SELECT w FROM ChargingWindow w WHERE w.chargerId = :chargerId ORDER BY w.id")
public class ChargingWindow {

    @Id
    @SequenceGenerator(name = "charging_window_seq", sequenceName = "charging_window_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charging_window_seq")
    private Long id;
    @Column(name = "charger_id")
    private String chargerId;
    @Column(name = "days_of_week")
    private String daysOfWeek;
    @Column(name = "start_minute")
    private int startMinute;
    @Column(name = "end_minute")
    private int endMinute;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChargingWindow() {
    }

    public ChargingWindow(String chargerId, Window window, Instant now) {
        this.chargerId = chargerId;
        this.daysOfWeek = EnumSet.copyOf(window.days()).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.startMinute = window.startMinute();
        this.endMinute = window.endMinute();
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String chargerId() {
        return chargerId;
    }

    public Window window() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(daysOfWeek.split(",")).map(String::trim).map(DayOfWeek::valueOf).forEach(days::add);
        return new Window(days, startMinute, endMinute);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
