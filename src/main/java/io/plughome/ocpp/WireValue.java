package io.plughome.ocpp;

/** An enum whose wire spelling differs from its Java name (e.g. "Energy.Active.Import.Register"). */
public interface WireValue {

    String wire();
}
