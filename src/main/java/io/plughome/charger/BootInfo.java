package io.plughome.charger;

/** What a charger tells about itself when it boots. */
public record BootInfo(String vendor, String model, String serialNumber, String chargeBoxSerialNumber,
        String firmwareVersion, String iccid, String imsi, String meterType, String meterSerialNumber) {
}
