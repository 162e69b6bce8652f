/**
 * Charging sessions (OCPP transactions) independent of protocol version: start, meter values,
 * stop, the live and final energy, and the history queried by the API and exported as CSV.
 */
package io.plughome.session;
