/**
 * OCPP 2.0.1 at the edge: one record per message with the specification's constraints, one thin
 * handler per charger-initiated action ({@code TransactionEventHandler} ends in the same session
 * calls as 1.6's StartTransaction and StopTransaction), the encoders of the version-neutral
 * commands, and the 2.0.1 spelling of the CALLERROR codes. Nothing outside this package imports
 * a type from it.
 */
package io.plughome.ocpp.v201;
