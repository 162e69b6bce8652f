/**
 * A charge-point simulator for people: {@code java -jar target/plughome-simulator.jar --chargers 3}
 * starts simulated chargers that boot, plug in, charge with realistic meter values, obey remote
 * start/stop and charging profiles, and unplug, so PlugHome can be tried without hardware. It is
 * packaged as its own jar (plain Java with JSON-P), not part of the server's WAR.
 */
package io.plughome.simulator;
