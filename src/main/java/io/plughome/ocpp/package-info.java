/**
 * The OCPP edge, version-neutral parts: the WebSocket endpoint and its HTTP upgrade checks, the
 * frame codec (CALL, CALLRESULT, CALLERROR), the record codec that maps payloads to the message
 * records of a version package and reports violations as the CALLERROR kinds the specification
 * prescribes, the tolerant-reader deviations and the sampled-value reader both versions share,
 * the command encoders' common part, the settings both versions name, and the registry of live
 * charger connections. Version-specific messages and handlers live in {@code v16} and
 * {@code v201}; nothing outside those packages imports them.
 */
package io.plughome.ocpp;
