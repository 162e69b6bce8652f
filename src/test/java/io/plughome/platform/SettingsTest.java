package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The settings table against the code, server.xml and the generated reference; what a bad value gets. */
class SettingsTest {

    @Test
    void everySettingTheCodeReadsIsInTheTable() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : io.plughome.testsupport.CompiledClasses.all()) {
            for (Field f : type.getDeclaredFields()) {
                ConfigProperty p = f.getAnnotation(ConfigProperty.class);
                if (p != null && Settings.byKey(p.name()).isEmpty()) {
                    missing.add(p.name() + " (" + type.getSimpleName() + ")");
                }
            }
        }
        assertEquals(Set.of(), missing, "settings the code reads but the table does not know");
    }

    @Test
    void everyServerVariableAnOwnerSetsIsInTheTable() throws IOException {
        String xml = Files.readString(Path.of("liberty/server.xml"));
        Matcher m = Pattern.compile("<variable name=\"([^\"]+)\"").matcher(xml);
        Set<String> internal = Set.of("plughome.default.data.dir", "plughome.tls.generated.password");
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            if (!internal.contains(m.group(1)) && Settings.byKey(m.group(1)).isEmpty()) {
                missing.add(m.group(1));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theConfigurationReferenceIsCurrent() throws IOException {
        Path doc = Path.of("docs/configuration.md");
        String made = ConfigReference.markdown();
        if (Boolean.getBoolean("plughome.regenerate")) {
            Files.writeString(doc, made, StandardCharsets.UTF_8);
        }
        assertEquals(made, Files.exists(doc) ? Files.readString(doc) : "",
                "docs/configuration.md is out of date: mvn test -Dtest=SettingsTest -Dplughome.regenerate=true");
        for (Settings.Setting s : Settings.ALL) {
            assertTrue(made.contains("`" + s.env() + "`"), s.env());
        }
    }

    @Test
    void eachBadValueIsOnePlainLineNamingTheVariable() {
        Map<String, String> given = Map.of("plughome.command.timeout", "abc", "plughome.site.phases", "2",
                "port", "99999", "plughome.lan.only", "yes", "plughome.mqtt.url", "http://broker",
                "plughome.timezone", "Mars/Olympus", "plughome.trusted.proxies", "10.0.0.0/8, proxy.local",
                "plughome.admin.token", "two words", "plughome.db.url", "postgres://x");
        List<Settings.Problem> problems = Settings.problems(k -> Optional.ofNullable(given.get(k)));
        assertEquals(given.size(), problems.size(), problems.toString());
        for (Settings.Problem p : problems) {
            assertTrue(p.line().startsWith("PLUGHOME_") || p.line().startsWith("PORT "), p.line());
            assertTrue(!p.line().contains("\n") && p.line().length() < 300, p.line());
        }
        assertTrue(problems.stream().anyMatch(p -> p.line().equals("PLUGHOME_COMMAND_TIMEOUT is 'abc', not a whole"
                + " number of seconds; give 1 to 3600 seconds (default 30), or remove it")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.line().contains("PLUGHOME_TRUSTED_PROXIES holds 'proxy.local'")));
        // Good values, and the defaults themselves, pass.
        Map<String, String> good = Map.of("plughome.command.timeout", " 45 ", "plughome.site.phases", "1",
                "port", "80", "plughome.lan.only", "TRUE", "plughome.mqtt.url", "mqtt://u:p%40ss@10.0.0.5",
                "plughome.timezone", "Europe/Berlin", "plughome.trusted.proxies", "10.0.0.0/8, ::1",
                "plughome.db.url", "jdbc:postgresql://db:5432/plughome");
        assertEquals(List.of(), Settings.problems(k -> Optional.ofNullable(good.get(k))));
        for (Settings.Setting s : Settings.ALL) {
            if (!s.defaultValue().isEmpty() && !s.defaultValue().startsWith("<") && !s.defaultValue().startsWith("(")) {
                assertNull(s.problem(s.defaultValue()), s.env() + "'s default");
            }
        }
    }

    @Test
    void aPasswordInAUrlIsNotRepeated() {
        String line = Settings.problems(k -> k.equals("plughome.mqtt.url") ? Optional.of("http://me:secret@b")
                : Optional.empty()).get(0).line();
        assertTrue(!line.contains("secret"), line);
    }

    @Test
    void theDataDirectoryMustBeWritable() throws IOException {
        Path tmp = Files.createTempDirectory("ph-data");
        assertNull(StartupCheck.dataDirectory(tmp.resolve("new").toString()));
        Path file = Files.createFile(tmp.resolve("a-file"));
        String problem = StartupCheck.dataDirectory(file.resolve("data").toString());
        assertTrue(problem.startsWith("PLUGHOME_DATA_DIR " + file.resolve("data")), problem);
    }
}
