package io.plughome.charger;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Which chargers have a live connection now. Implemented by the OCPP edge. */
public interface Presence {

    boolean isOnline(String chargerId);

    /** The last frame (or pong) received on the live connection, if there is one. */
    Optional<Instant> lastHeard(String chargerId);

    /** The ids of the chargers connected now. */
    Set<String> online();
}
