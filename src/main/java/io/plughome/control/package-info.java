/**
 * Remote control of chargers, in no protocol's words: the commands the server can send
 * ({@link io.plughome.control.Command}), the use case that sends one and waits for the charger's
 * answer ({@link io.plughome.control.ControlService}), and the audit log of who asked for what
 * and how it ended. The OCPP edge encodes each command in the charger's version.
 */
package io.plughome.control;
