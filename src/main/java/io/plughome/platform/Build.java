package io.plughome.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What was built: PlugHome's version, from the build (for Home Assistant's origin, the API, logs). */
public final class Build {

    private static final String VERSION = load();

    private Build() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version known: "dev"
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }
}
