package io.plughome.ocpp;

/**
 * Why a CALL could not be answered with a CALLRESULT, independent of protocol version. Each
 * version's adapter spells these as its own CALLERROR codes (1.6 {@code FormationViolation},
 * 2.0.1 {@code FormatViolation}, ...).
 */
public enum Problem {
    /** Not JSON, not an OCPP frame, or a payload that is not the PDU's structure. */
    FORMAT,
    /** The frame is incomplete (e.g. a CALL without payload). */
    PROTOCOL,
    /** A field has the wrong JSON type ("connectorId": "one"). */
    TYPE,
    /** A field has a value outside what the specification allows. */
    PROPERTY,
    /** A required field is missing, or a list has too few or too many entries. */
    OCCURRENCE,
    /** The action is unknown. */
    NOT_IMPLEMENTED,
    /** The action is known but this server does not support it. */
    NOT_SUPPORTED,
    /** The charger may not do this (for example before it was accepted). */
    SECURITY,
    /** Something failed on our side; the charger may retry. */
    INTERNAL
}
