package io.plughome.authorization;

/** The status of an idTag, as OCPP's AuthorizationStatus spells it. */
public enum IdTagStatus {
    Accepted, Blocked, Expired, Invalid
}
