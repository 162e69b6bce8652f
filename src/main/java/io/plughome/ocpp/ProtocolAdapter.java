package io.plughome.ocpp;

import io.plughome.control.Command;
import java.util.List;
import java.util.Optional;

/**
 * One OCPP version at the edge: its WebSocket sub-protocol name, its action table, and its
 * spelling of the CALLERROR codes. Implementations live in the version packages.
 */
public interface ProtocolAdapter {

    /** The sub-protocol name, e.g. {@code ocpp1.6}. */
    String subprotocol();

    /** The charger-initiated action of this name, if this version has it. */
    Optional<Action<?, ?>> action(String name);

    /** The reader and writer of this version's message records. */
    RecordCodec codec();

    /** This version's CALLERROR code for a problem. */
    String errorCode(Problem problem);

    /**
     * A version-neutral command to a charger in this version's words, with the reader of its
     * answer.
     *
     * @throws io.plughome.control.CommandFailure when this version has no such call
     */
    OutboundCall encode(String chargerId, Command command);

    /**
     * The command as the calls this charger can take: one, unless the charger said it takes
     * fewer items per message than the command holds (2.0.1 {@code ItemsPerMessage} and
     * {@code BytesPerMessage}); the answers are merged as if one call had been made.
     */
    default List<Command> split(String chargerId, Command command) {
        return List.of(command);
    }
}
