package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Limits agree end to end: every entity field that declares the width of its column
 * ({@code @Column(length = ...)}, the constant the adapters fit values to) has exactly that width
 * in the migrations in db/, so a value the codec lets through always fits where it is stored.
 */
class SchemaLimitsTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+)\\s+VARCHAR\\((\\d+)\\)", Pattern.MULTILINE);
    private static final Pattern ADDED = Pattern.compile(
            "ALTER TABLE (\\w+) (?:ADD COLUMN|ALTER COLUMN) (\\w+) (?:SET DATA TYPE )?VARCHAR\\((\\d+)\\)");

    @Test
    void declaredColumnWidthsMatchTheMigrations() throws Exception {
        Map<String, Integer> widths = migrationWidths();
        List<String> declared = new ArrayList<>();
        for (Class<?> entity : entities()) {
            String table = entity.getAnnotation(Table.class).name();
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (field.getType() != String.class || column == null || column.length() == 255) {
                    continue; // no width declared (255 is JPA's default)
                }
                String key = table + "." + columnName(field, column);
                assertEquals(widths.get(key), Integer.valueOf(column.length()), key + ": entity and db/ disagree");
                declared.add(key);
            }
        }
        assertTrue(declared.containsAll(List.of("meter_sample.measurand", "meter_sample.phase",
                "meter_sample.location", "meter_sample.context", "meter_sample.unit", "meter_sample.raw_value",
                "charging_session.stop_reason", "charging_session.transaction_id", "charging_session.id_tag_type")),
                "the meter sample columns are declared: " + declared);
        // idTags are cut to ChargingSession.ID_TAG_MAX (255, JPA's default, so checked by name)
        assertEquals(io.plughome.session.ChargingSession.ID_TAG_MAX, widths.get("charging_session.id_tag"));
        assertEquals(io.plughome.session.ChargingSession.ID_TAG_MAX, widths.get("charging_session.stop_id_tag"));
    }

    private static String columnName(Field field, Column column) {
        return column.name().isEmpty() ? field.getName().toLowerCase(Locale.ROOT) : column.name();
    }

    /** table.column -> VARCHAR width, from every migration in order (later ones win). */
    static Map<String, Integer> migrationWidths() throws IOException {
        Map<String, Integer> widths = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("db"))) {
            files = list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted(
                    (a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        for (Path file : files) {
            String sql = Files.readString(file);
            Matcher table = TABLE.matcher(sql);
            while (table.find()) {
                Matcher column = COLUMN.matcher(table.group(2));
                while (column.find()) {
                    widths.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
                }
            }
            Matcher added = ADDED.matcher(sql);
            while (added.find()) {
                widths.put(added.group(1) + "." + added.group(2), Integer.parseInt(added.group(3)));
            }
        }
        return widths;
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** Every @Entity class compiled from src/main/java. */
    private static List<Class<?>> entities() throws Exception {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SchemaLimitsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class) && type.isAnnotationPresent(Table.class)) {
                    found.add(type);
                }
            }
        }
        assertTrue(found.size() > 5, "entities found: " + found);
        return found;
    }
}
