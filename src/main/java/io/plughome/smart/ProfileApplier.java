package io.plughome.smart;

import io.plughome.charger.ChargerService;
import io.plughome.charger.Connector;
import io.plughome.control.Actor;
import io.plughome.control.Command;
import io.plughome.control.CommandResult;
import io.plughome.control.ControlService;
import io.plughome.control.Outcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each connected charger at the limit it should have: sends the charging profile (or
 * clears ours) when the wanted limit differs from what the charger last accepted on this
 * connection, walks through the profile shapes a charger may refuse, remembers the one it
 * accepted, and records every outcome. One attempt per charger at a time; a change that arrives
 * meanwhile is sent when the attempt ends (only the latest wanted limit is sent).
 */
@ApplicationScoped
public class ProfileApplier {

    private static final Logger LOG = Logger.getLogger(ProfileApplier.class.getName());

    /** The id of PlugHome's charging profile on every charger. */
    public static final int PROFILE_ID = 7401;

    /** Who the audit log names for the profiles smart charging sends. */
    public static final Actor ACTOR = new Actor("smart-charging", "system");

    /** CALLERROR codes that mean the charger has no smart charging at all. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("NotImplemented", "NotSupported");

    @Inject
    ControlService control;

    @Inject
    SmartRules rules;

    @Inject
    ChargerService chargers;

    @Inject
    SmartConfig config;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /** What smart charging wants of one charger and what it last achieved there. */
    private static final class State {
        Target wanted;
        /** What the charger holds of ours on this connection (null: not known). */
        Target held;
        /** A target the charger refused in every shape; not tried again until the target or connection changes. */
        Target refused;
        boolean busy;
    }

    /** A limit to hold the charger at, or none (our profile cleared). */
    private record Target(Limit limit) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /**
     * Brings the charger to this effective limit unless it already holds it. {@code stored} tells
     * whether it may hold a profile of ours from earlier connections (null: never had rules).
     */
    public void want(String chargerId, Effective effective, ChargerRules stored) {
        State state = states.computeIfAbsent(chargerId, id -> new State());
        Target target = new Target(effective.limit());
        synchronized (state) {
            state.wanted = target;
            if (state.held == null && target.limit() == null && (stored == null || stored.appliedLimit() == null)) {
                state.held = target; // it never accepted a profile of ours: there is nothing to clear
            }
            if (state.busy || target.equals(state.held) || target.equals(state.refused)) {
                return;
            }
            state.busy = true;
        }
        executor.execute(() -> drive(chargerId, state));
    }

    /** The charger connected anew (or rebooted): what it holds is no longer known. */
    public void forget(String chargerId) {
        State state = states.get(chargerId);
        if (state != null) {
            synchronized (state) {
                state.held = null;
                state.refused = null;
            }
        }
    }

    /** Whether a profile is being sent to the charger now. */
    public boolean busy(String chargerId) {
        State state = states.get(chargerId);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return state.busy;
        }
    }

    private void drive(String chargerId, State state) {
        Target target;
        synchronized (state) {
            target = state.wanted;
        }
        CompletionStage<ApplyResult> attempt;
        try {
            attempt = target.limit() == null ? clear(chargerId) : set(chargerId, target.limit());
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((result, error) -> finished(chargerId, state, target, result, error));
    }

    private void finished(String chargerId, State state, Target target, ApplyResult result, Throwable error) {
        if (result == null) {
            LOG.log(Level.SEVERE, "Applying the limit of " + chargerId + " failed", error);
            result = new ApplyResult(ApplyResult.Status.ERROR, null, null,
                    "Failed inside the server; see its log", clock.instant());
        }
        try {
            rules.recordApplied(chargerId, result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record how applying the limit of " + chargerId + " ended", e);
        }
        boolean again;
        synchronized (state) {
            ApplyResult.Status status = result.status();
            if (status == ApplyResult.Status.APPLIED || status == ApplyResult.Status.CLEARED) {
                state.held = target;
                state.refused = null;
            } else if (!status.transientFailure()) {
                state.refused = target;
            }
            Target next = state.wanted;
            again = !next.equals(state.held) && !next.equals(state.refused)
                    && !(status.transientFailure() && next.equals(target));
            state.busy = again;
        }
        if (again) {
            executor.execute(() -> drive(chargerId, state));
        }
    }

    private CompletionStage<ApplyResult> clear(String chargerId) {
        return control.execute(ACTOR, chargerId, new Command.ClearLimit(PROFILE_ID)).thenApply(r -> {
            Instant now = clock.instant();
            if (r.outcome() == Outcome.ACCEPTED) {
                return new ApplyResult(ApplyResult.Status.CLEARED, null, null,
                        "ClearChargingProfile: " + r.reply().status(), now);
            }
            return failed(r, "ClearChargingProfile", now);
        });
    }

    private CompletionStage<ApplyResult> set(String chargerId, Limit limit) {
        ProfileShape remembered = rules.of(chargerId).map(ChargerRules::shape).orElse(null);
        List<Integer> connectors = chargers.connectors(chargerId).stream().map(Connector::connectorId)
                .filter(id -> id > 0).sorted().toList();
        if (connectors.isEmpty()) {
            connectors = List.of(1);
        }
        return attempt(chargerId, limit, ProfileShape.attempts(limit.unit(), remembered), 0, connectors,
                new ArrayList<>());
    }

    /** Tries shape {@code index}, then the next ones while the charger refuses them. */
    private CompletionStage<ApplyResult> attempt(String chargerId, Limit limit, List<ProfileShape> shapes, int index,
            List<Integer> connectors, List<String> refusals) {
        ProfileShape shape = shapes.get(index);
        double value = shape.valueFor(limit, connectors.size(), config.supply());
        Instant from = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS);
        List<Command> commands = (shape.perConnector() ? connectors : List.of(0)).stream()
                .map(c -> (Command) new Command.SetLimit(c, PROFILE_ID, shape.purpose(), shape.stackLevel(),
                        shape.unit(), value, from))
                .toList();
        return sendAll(chargerId, commands, 0).thenCompose(r -> {
            Instant now = clock.instant();
            if (r.outcome() == Outcome.ACCEPTED) {
                return CompletableFuture.completedFuture(new ApplyResult(ApplyResult.Status.APPLIED,
                        new Limit(value, shape.unit()), shape, "Accepted as " + shape, now));
            }
            if (r.outcome() == Outcome.OFFLINE || r.outcome() == Outcome.TIMEOUT) {
                return CompletableFuture.completedFuture(failed(r, "SetChargingProfile", now));
            }
            if (r.failure() != null && NOT_IMPLEMENTED.contains(r.failure().error())) {
                return CompletableFuture.completedFuture(new ApplyResult(ApplyResult.Status.UNSUPPORTED, null, null,
                        "The charger does not implement SetChargingProfile (" + r.detail() + ")", now));
            }
            refusals.add(shape + ": " + r.detail());
            if (index + 1 < shapes.size()) {
                return attempt(chargerId, limit, shapes, index + 1, connectors, refusals);
            }
            return CompletableFuture.completedFuture(new ApplyResult(ApplyResult.Status.REJECTED, null, null,
                    "The charger refused every profile shape tried: " + String.join("; ", refusals), now));
        });
    }

    /** Sends the commands one after the other; the first that is not accepted ends it. */
    private CompletionStage<CommandResult> sendAll(String chargerId, List<Command> commands, int index) {
        return control.execute(ACTOR, chargerId, commands.get(index)).thenCompose(r -> {
            if (r.outcome() != Outcome.ACCEPTED || index + 1 == commands.size()) {
                return CompletableFuture.completedFuture(r);
            }
            return sendAll(chargerId, commands, index + 1);
        });
    }

    private static ApplyResult failed(CommandResult r, String action, Instant now) {
        ApplyResult.Status status = switch (r.outcome()) {
            case OFFLINE -> ApplyResult.Status.OFFLINE;
            case TIMEOUT -> ApplyResult.Status.TIMEOUT;
            case REJECTED -> ApplyResult.Status.REJECTED;
            default -> ApplyResult.Status.ERROR;
        };
        return new ApplyResult(status, null, null, action + ": " + Objects.toString(r.detail()), now);
    }
}
