/**
 * OCPP 1.6J: one handler per charger-initiated action, each with its request and response
 * records (the specification's constraints as Bean Validation annotations), the action table
 * ({@link io.plughome.ocpp.v16.V16Adapter}), and the 1.6 tolerant reader for sampled values
 * ({@link io.plughome.ocpp.v16.SampledValues}). Nothing outside this package imports it.
 */
package io.plughome.ocpp.v16;
