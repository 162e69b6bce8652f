package io.plughome.charger;

/**
 * A charger's error condition in PlugHome's words (the API shows these names as
 * {@code errorCode}). 1.6 reports one of these per StatusNotification; 2.0.1 reports problems
 * as NotifyEvent, which its adapter maps onto the nearest one, {@link #OtherError} otherwise.
 */
public enum Fault {
    NoError, ConnectorLockFailure, EVCommunicationError, GroundFailure, HighTemperature, InternalError,
    LocalListConflict, OtherError, OverCurrentFailure, PowerMeterFailure, PowerSwitchFailure, ReaderFailure,
    ResetFailure, UnderVoltage, OverVoltage, WeakSignal;

    public boolean isFault() {
        return this != NoError;
    }
}
