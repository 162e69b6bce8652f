package io.plughome.ocpp;

import io.plughome.control.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings OCPP 1.6 and 2.0.1 both have, in each version's words: the 1.6 configuration key
 * and the 2.0.1 component and variable (OCPP 2.0.1 part 2, appendix 3, "Migration of 1.6
 * configuration keys"). With it an owner may name a setting either way, whatever version the
 * charger speaks.
 */
public final class SettingNames {

    private SettingNames() {
    }

    /** 1.6 key -> 2.0.1 "Component.Variable". */
    private static final Map<String, String> KEY_TO_VARIABLE = Map.ofEntries(
            Map.entry("AuthorizationKey", "SecurityCtrlr.BasicAuthPassword"),
            Map.entry("SecurityProfile", "SecurityCtrlr.SecurityProfile"),
            Map.entry("HeartbeatInterval", "OCPPCommCtrlr.HeartbeatInterval"),
            Map.entry("WebSocketPingInterval", "OCPPCommCtrlr.WebSocketPingInterval"),
            Map.entry("ResetRetries", "OCPPCommCtrlr.ResetRetries"),
            Map.entry("MeterValueSampleInterval", "SampledDataCtrlr.TxUpdatedInterval"),
            Map.entry("MeterValuesSampledData", "SampledDataCtrlr.TxUpdatedMeasurands"),
            Map.entry("StopTxnSampledData", "SampledDataCtrlr.TxEndedMeasurands"),
            Map.entry("ClockAlignedDataInterval", "AlignedDataCtrlr.Interval"),
            Map.entry("MeterValuesAlignedData", "AlignedDataCtrlr.Measurands"),
            Map.entry("StopTxnAlignedData", "AlignedDataCtrlr.TxEndedMeasurands"),
            Map.entry("ConnectionTimeOut", "TxCtrlr.EVConnectionTimeOut"),
            Map.entry("StopTransactionOnEVSideDisconnect", "TxCtrlr.StopTxOnEVSideDisconnect"),
            Map.entry("StopTransactionOnInvalidId", "TxCtrlr.StopTxOnInvalidId"),
            Map.entry("LocalAuthorizeOffline", "AuthCtrlr.LocalAuthorizeOffline"),
            Map.entry("LocalPreAuthorize", "AuthCtrlr.LocalPreAuthorize"),
            Map.entry("AuthorizeRemoteTxRequests", "AuthCtrlr.AuthorizeRemoteStart"),
            Map.entry("AuthorizationCacheEnabled", "AuthCacheCtrlr.Enabled"),
            Map.entry("LocalAuthListEnabled", "LocalAuthListCtrlr.Enabled"),
            Map.entry("LocalAuthListMaxLength", "LocalAuthListCtrlr.Entries"),
            Map.entry("SendLocalListMaxLength", "LocalAuthListCtrlr.ItemsPerMessage"));

    private static final Map<String, String> VARIABLE_TO_KEY = KEY_TO_VARIABLE.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(e -> e.getValue().toLowerCase(), Map.Entry::getKey));

    private static final Map<String, String> KEYS = KEY_TO_VARIABLE.keySet().stream()
            .collect(Collectors.toUnmodifiableMap(String::toLowerCase, k -> k));

    /** The 1.6 configuration key of a setting: its variable, or the key a 2.0.1 name migrated from. */
    public static String asKey(Setting setting) {
        if (setting.component() == null) {
            return setting.variable();
        }
        String key = VARIABLE_TO_KEY.get((setting.component() + "." + setting.variable()).toLowerCase());
        return key != null ? key : setting.text();
    }

    /** The 2.0.1 component and variable of a setting, when it names one or is a migrated 1.6 key. */
    public static Optional<Setting> asVariable(Setting setting) {
        if (setting.component() != null) {
            return Optional.of(setting);
        }
        String key = KEYS.get(setting.variable().toLowerCase());
        return key == null ? Optional.empty()
                : Optional.of(Setting.parse(KEY_TO_VARIABLE.get(key))).map(s -> new Setting(s.component(),
                        s.variable(), setting.text()));
    }
}
