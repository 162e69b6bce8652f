/**
 * Chargers as the owner sees them, independent of protocol version: registration (with the
 * auto-registration policy), identity reported at boot, connector status, tolerated deviations
 * counted per charger, and presence (online while connected, last seen).
 */
package io.plughome.charger;
