package io.plughome.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docs/configuration.md}, made from {@link Settings} (a test keeps the file and the table in step). */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
                .append("Generated from `io.plughome.platform.Settings` (the table PlugHome checks every value against"
                        + " at start); do not edit by hand: `mvn test -Dtest=SettingsTest -Dplughome.regenerate=true`"
                        + " writes it again.\n\n")
                .append("Every setting is an environment variable (or the same name, lower case with dots, as a Java"
                        + " system property). A value PlugHome cannot use stops the start with one line naming the"
                        + " variable and what it takes, and exit status 78; a port or database that is not"
                        + " available, with status 69.\n");
        Map<String, List<Settings.Setting>> groups = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> groups.computeIfAbsent(s.group(), g -> new java.util.ArrayList<>()).add(s));
        groups.forEach((group, settings) -> {
            md.append("\n## ").append(group).append("\n\n| Variable | Default | Takes | What it does |\n|---|---|---|---|\n");
            for (Settings.Setting s : settings) {
                md.append("| `").append(s.env()).append("` | ")
                        .append(s.defaultValue().isEmpty() ? "(none)" : "`" + s.defaultValue() + "`").append(" | ")
                        .append(s.takes().replace("|", "\\|")).append(" | ")
                        .append(s.description().replace("|", "\\|")).append(" |\n");
            }
        });
        md.append("\n## The Java runtime\n\n`JVM_ARGS` adds options to the Java runtime after PlugHome's home-sized"
                + " defaults (later options win), for example `JVM_ARGS=\"-Xmx1g -XX:TieredStopAtLevel=4\"` for a site"
                + " with thousands of chargers (see the README, \"Sizing\").\n");
        return md.toString();
    }
}
