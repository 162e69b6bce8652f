package io.plughome.ocpp;

/** What a handler knows about the CALL it handles: who sent it, and where to note deviations. */
public record CallContext(String chargerId, String protocol, Deviations deviations) {
}
