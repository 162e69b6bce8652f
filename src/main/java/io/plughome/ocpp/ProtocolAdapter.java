package io.plughome.ocpp;

import io.plughome.control.Command;
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

    /** This version's CALLERROR code for a problem. */
    String errorCode(Problem problem);

    /**
     * A version-neutral command in this version's words, with the reader of its answer.
     *
     * @throws io.plughome.control.CommandFailure when this version has no such call
     */
    OutboundCall encode(Command command);
}
