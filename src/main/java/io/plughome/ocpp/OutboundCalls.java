package io.plughome.ocpp;

import io.plughome.charger.ChargerService;
import io.plughome.control.ChargerLink;
import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import io.plughome.platform.Timers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commands to chargers over their live connection: encoded by the adapter of the charger's
 * version, correlated by the connection's {@link CallQueue}, answers read back by the adapter.
 * Timeouts run on the container's managed scheduled executor.
 */
@ApplicationScoped
public class OutboundCalls implements ChargerLink {

    private static final Logger LOG = Logger.getLogger(OutboundCalls.class.getName());

    @Inject
    Timers timers;

    @Inject
    ConnectionRegistry registry;

    @Inject
    ChargerService chargers;

    @Inject
    ProtocolAdapters adapters;

    /** The executor call timeouts run on. */
    public ScheduledExecutorService scheduler() {
        return timers.executor();
    }

    @Override
    public Optional<CompletionStage<CommandReply>> send(String chargerId, Command command, Duration timeout) {
        Optional<ChargerConnection> live = registry.get(chargerId).filter(c -> c.session().isOpen());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        ChargerConnection connection = live.get();
        List<Command> parts = connection.adapter().split(chargerId, command);
        List<OutboundCall> calls = parts.stream().map(part -> connection.adapter().encode(chargerId, part)).toList();
        CompletionStage<CommandReply> reply = one(connection, calls.get(0), timeout);
        for (OutboundCall next : calls.subList(1, calls.size())) {
            // one after the other, each part once the previous one was answered; the first refusal ends it
            reply = reply.thenCompose(sofar -> !sofar.accepted() ? CompletableFuture.completedFuture(sofar)
                    : one(connection, next, timeout).thenApply(sofar::merge));
        }
        return Optional.of(reply);
    }

    private CompletionStage<CommandReply> one(ChargerConnection connection, OutboundCall call, Duration timeout) {
        return connection.calls().submit(call.action(), call.payload(), timeout)
                .thenApply(frame -> read(connection, call, frame));
    }

    @Override
    public void check(String chargerId, Command command) {
        ProtocolAdapter adapter = registry.get(chargerId).map(ChargerConnection::adapter)
                .or(() -> chargers.byId(chargerId).flatMap(c -> adapters.forProtocol(c.protocol())))
                .orElseThrow(() -> CommandFailure.invalid("Charger " + chargerId + " speaks no version we know"));
        adapter.encode(chargerId, command); // throws when the command does not fit the version
    }

    private CommandReply read(ChargerConnection connection, OutboundCall call, Frame frame) {
        if (frame instanceof Frame.CallError error) {
            throw CommandFailure.callError(error.code(), error.description());
        }
        Deviations deviations = new Deviations();
        try {
            return call.reader().read(((Frame.CallResult) frame).payload(), deviations);
        } catch (OcppException e) {
            throw CommandFailure.invalidReply(connection.chargerId(), call.action() + ": " + e.getMessage());
        } finally {
            if (!deviations.isEmpty()) {
                try {
                    chargers.deviated(connection.chargerId(), deviations.all());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not count deviations of " + connection.chargerId(), e);
                }
            }
        }
    }
}
