package io.plughome.control;

import io.plughome.platform.DomainEvent;
import java.time.Instant;

/** Fired when a command to a charger has ended, however it ended. */
public record CommandCompleted(String chargerId, Instant at, String command, String actor, String outcome,
        String status, String error) implements DomainEvent {

    @Override
    public String type() {
        return "command.result";
    }
}
