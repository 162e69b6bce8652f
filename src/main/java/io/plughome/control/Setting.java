package io.plughome.control;

/**
 * The name of one charger setting, version-neutral: a variable, and the component it belongs to
 * where the charger's protocol has components (2.0.1 device model: {@code OCPPCommCtrlr} /
 * {@code HeartbeatInterval}). A 1.6 configuration key is a variable without a component. Owners
 * write it as {@code Variable} or {@code Component.Variable}; the charger's adapter translates
 * between the two spellings of the settings both versions have.
 *
 * @param text the name as the owner wrote it (kept for answers and the audit log)
 */
public record Setting(String component, String variable, String text) {

    /** A name as the owner writes it: {@code Variable} or {@code Component.Variable}. */
    public static Setting parse(String text) {
        int dot = text.indexOf('.');
        if (dot > 0 && dot < text.length() - 1) {
            return new Setting(text.substring(0, dot), text.substring(dot + 1), text);
        }
        return new Setting(null, text, text);
    }

    /**
     * Whether this is the charger's HTTP Basic password (1.6 {@code AuthorizationKey}, 2.0.1
     * {@code SecurityCtrlr.BasicAuthPassword}): a value the charger accepts becomes its shared
     * secret.
     */
    public boolean isChargerPassword() {
        return component == null ? "AuthorizationKey".equalsIgnoreCase(variable)
                : "SecurityCtrlr".equalsIgnoreCase(component) && "BasicAuthPassword".equalsIgnoreCase(variable);
    }

    @Override
    public String toString() {
        return text;
    }
}
