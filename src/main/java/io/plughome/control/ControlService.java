package io.plughome.control;

import io.plughome.charger.ChargerService;
import io.plughome.charger.SharedSecrets;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a command to a charger and reports how it ended. Every command is audited and announced
 * ({@link CommandCompleted}), whatever its outcome, including a charger that is offline.
 */
@ApplicationScoped
public class ControlService {

    private static final Logger LOG = Logger.getLogger(ControlService.class.getName());

    @Inject
    ChargerLink link;

    @Inject
    ChargerService chargers;

    @Inject
    AuditLog audit;

    @Inject
    ControlConfig config;

    @Inject
    Event<CommandCompleted> completed;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /**
     * Sends the command; the stage completes once the charger answered, failed, or the timeout
     * passed. Throws {@link NoSuchElementException} for a charger that was never registered.
     */
    public CompletionStage<CommandResult> execute(Actor actor, String chargerId, Command command) {
        if (chargers.byId(chargerId).isEmpty()) {
            throw new NoSuchElementException("No charger '" + chargerId + "'");
        }
        Instant started = clock.instant();
        CompletionStage<CommandReply> reply;
        try {
            check(chargerId, command);
            reply = link.send(chargerId, command, config.timeout())
                    .orElseGet(() -> CompletableFuture.failedFuture(CommandFailure.offline(chargerId)));
        } catch (CommandFailure failure) {
            reply = CompletableFuture.failedFuture(failure);
        }
        return reply.handleAsync((answer, error) -> finish(actor, chargerId, command, started, answer, error),
                executor);
    }

    private CommandResult finish(Actor actor, String chargerId, Command command, Instant started, CommandReply answer,
            Throwable error) {
        CommandResult result;
        if (answer != null) {
            result = CommandResult.of(answer);
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CommandFailure failure) {
                result = CommandResult.of(failure);
            } else {
                LOG.log(Level.SEVERE, "Command " + command.name() + " to " + chargerId + " failed", cause);
                result = CommandResult.of(new CommandFailure(Outcome.ERROR, "InternalError",
                        "The command failed inside the server; see its log"));
            }
        }
        if (result.outcome() == Outcome.ACCEPTED) {
            command.newSharedSecret().ifPresent(key -> newSharedSecret(chargerId, key));
        }
        long millis = Duration.between(started, clock.instant()).toMillis();
        try {
            audit.record(actor, chargerId, command.name(), command.audited(), result.outcome(), result.detail(),
                    millis);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not audit " + command.name() + " to " + chargerId, e);
        }
        completed.fire(new CommandCompleted(chargerId, clock.instant(), command.name(), actor.name(),
                result.outcome().wire(), result.reply() == null ? null : result.reply().status(),
                result.failure() == null ? null : result.failure().error()));
        return result;
    }

    /** Refuses, before anything is sent, a command the charger's version or our rules do not allow. */
    private void check(String chargerId, Command command) {
        Optional<String> key = command.newSharedSecret();
        if (key.isPresent()) {
            String problem = SharedSecrets.problem(key.get());
            if (problem != null) {
                throw CommandFailure.invalid("The charger's password becomes its shared secret: "
                        + problem.replace("sharedSecret", "it"));
            }
        }
        link.check(chargerId, command);
    }

    /** The charger accepted a new password: from its next connection on, that is its shared secret. */
    private void newSharedSecret(String chargerId, String key) {
        try {
            chargers.update(chargerId, new ChargerService.Changes(null, false,
                    SharedSecrets.fromAuthorizationKey(key), true, null));
            LOG.info(() -> "Charger " + chargerId + " accepted a new password; it is now its shared secret");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Charger " + chargerId + " accepted a new password that could not be"
                    + " stored; set its shared secret again", e);
        }
    }
}
