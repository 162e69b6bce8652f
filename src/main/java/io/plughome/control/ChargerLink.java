package io.plughome.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The way commands reach chargers, implemented by the OCPP edge. Calls to one charger go one at
 * a time, in the order they were sent.
 */
public interface ChargerLink {

    /**
     * Sends the command to the charger's live connection. Empty when the charger is not
     * connected (nothing is sent, nothing is queued). The stage completes with the charger's
     * answer, or fails with a {@link CommandFailure}.
     */
    Optional<CompletionStage<CommandReply>> send(String chargerId, Command command, Duration timeout);

    /**
     * Checks that the command can be sent to this charger in its protocol version (the one it
     * is connected with, or last spoke), whether or not it is connected now.
     *
     * @throws CommandFailure {@code InvalidCommand} with the reason when it cannot
     */
    void check(String chargerId, Command command);
}
