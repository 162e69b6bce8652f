package io.plughome.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document made at build time (pom.xml, smallrye-open-api-maven-plugin; the server
 * serves it without scanning) covers every resource method, and docs/api-reference.md is rendered
 * from it: {@code mvn test -Dtest=ApiReferenceTest -Dplughome.regenerate=true} after an API change.
 */
class ApiReferenceTest {

    private static final java.nio.file.Path DOCUMENT = java.nio.file.Path.of("target/classes/META-INF/openapi.json");
    private static final java.nio.file.Path REFERENCE = java.nio.file.Path.of("docs/api-reference.md");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static JsonObject document() throws IOException {
        try (JsonReader r = Json.createReader(Files.newBufferedReader(DOCUMENT))) {
            return r.readObject();
        }
    }

    @Test
    void theDocumentHasEveryResourceMethod() throws Exception {
        JsonObject paths = document().getJsonObject("paths");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Class<?> type : io.plughome.testsupport.CompiledClasses.all()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                seen++;
                Path sub = m.getAnnotation(Path.class);
                String path = ("/api/" + root.value() + (sub == null ? "" : "/" + sub.value()))
                        .replaceAll("/+", "/").replaceAll("/$", "")
                        .replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                JsonObject item = paths.getJsonObject(path);
                if (item == null || !item.containsKey(verb)) {
                    missing.add(verb.toUpperCase() + " " + path + " (" + type.getSimpleName() + "." + m.getName() + ")");
                }
            }
        }
        assertTrue(seen > 60, "resource methods found: " + seen);
        assertEquals(Set.of(), missing, "resource methods the OpenAPI document does not describe");
    }

    private static String verb(Method m) {
        Map<Class<? extends Annotation>, String> verbs = Map.of(GET.class, "get", POST.class, "post", PUT.class, "put",
                PATCH.class, "patch", DELETE.class, "delete");
        for (Map.Entry<Class<? extends Annotation>, String> v : verbs.entrySet()) {
            if (m.isAnnotationPresent(v.getKey())) {
                return v.getValue();
            }
        }
        return null;
    }

    @Test
    void theApiReferenceIsCurrent() throws IOException {
        String made = markdown(document());
        if (Boolean.getBoolean("plughome.regenerate")) {
            Files.writeString(REFERENCE, made, StandardCharsets.UTF_8);
        }
        assertEquals(made, Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "",
                "docs/api-reference.md is out of date: mvn test -Dtest=ApiReferenceTest -Dplughome.regenerate=true");
    }

    static String markdown(JsonObject doc) {
        StringBuilder md = new StringBuilder();
        JsonObject info = doc.getJsonObject("info");
        md.append("# API reference\n\n")
                .append("<!-- Rendered from the OpenAPI document the build makes (target/classes/META-INF/openapi.json);")
                .append(" do not edit by hand: `mvn test -Dtest=ApiReferenceTest -Dplughome.regenerate=true` -->\n\n")
                .append(info.getString("title")).append(", version ").append(info.getString("version")).append(". ")
                .append(info.getString("description", "")).append("\n\n")
                .append("The server serves the same document at `/openapi` (browsable at `/openapi/ui`). How to use the")
                .append(" API, with examples: [api.md](api.md).\n\n");
        JsonObject paths = doc.getJsonObject("paths");
        for (JsonValue t : doc.getJsonArray("tags")) {
            JsonObject tag = t.asJsonObject();
            String name = tag.getString("name");
            md.append("## ").append(name).append("\n\n");
            if (tag.containsKey("description")) {
                md.append(tag.getString("description")).append(".\n\n");
            }
            for (String path : new TreeSet<>(paths.keySet())) {
                JsonObject item = paths.getJsonObject(path);
                for (String verb : METHODS) {
                    JsonObject op = item.getJsonObject(verb);
                    if (op != null && tagged(op, name)) {
                        operation(md, verb, path, op);
                    }
                }
            }
        }
        md.append("## Schemas\n\n");
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        for (String name : new TreeSet<>(schemas.keySet())) {
            JsonObject s = schemas.getJsonObject(name);
            md.append("### ").append(name).append("\n\n");
            if (s.containsKey("description")) {
                md.append(cell(s.getString("description"))).append("\n\n");
            }
            if (s.containsKey("enum")) {
                md.append("One of: ").append(words(s.getJsonArray("enum"))).append(".\n\n");
            }
            JsonObject props = s.getJsonObject("properties");
            if (props != null && !props.isEmpty()) {
                Set<String> required = new TreeSet<>();
                if (s.containsKey("required")) {
                    s.getJsonArray("required").forEach(v -> required.add(((JsonString) v).getString()));
                }
                md.append("| field | type | required | description |\n|---|---|---|---|\n");
                for (Map.Entry<String, JsonValue> p : props.entrySet()) {
                    JsonObject ps = p.getValue().asJsonObject();
                    md.append("| `").append(p.getKey()).append("` | ").append(type(ps)).append(" | ")
                            .append(required.contains(p.getKey()) ? "yes" : "").append(" | ")
                            .append(cell(ps.getString("description", ""))).append(" |\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static boolean tagged(JsonObject op, String tag) {
        return op.containsKey("tags") && op.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(tag));
    }

    private static void operation(StringBuilder md, String verb, String path, JsonObject op) {
        md.append("### ").append(verb.toUpperCase()).append(' ').append(path).append("\n\n");
        String summary = cell(op.getString("summary", ""));
        String text = (summary.isEmpty() || summary.endsWith(".") ? summary : summary + ".") + " "
                + cell(op.getString("description", ""));
        md.append(text.strip()).append("\n\n");
        JsonArray params = op.getJsonArray("parameters");
        if (params != null && !params.isEmpty()) {
            md.append("| parameter | in | type | required | description |\n|---|---|---|---|---|\n");
            for (JsonValue v : params) {
                JsonObject p = v.asJsonObject();
                md.append("| `").append(p.getString("name")).append("` | ").append(p.getString("in")).append(" | ")
                        .append(p.containsKey("schema") ? type(p.getJsonObject("schema")) : "").append(" | ")
                        .append(p.getBoolean("required", false) ? "yes" : "").append(" | ")
                        .append(cell(p.getString("description", ""))).append(" |\n");
            }
            md.append('\n');
        }
        JsonObject body = op.getJsonObject("requestBody");
        if (body != null && body.containsKey("content")) {
            for (Map.Entry<String, JsonValue> c : body.getJsonObject("content").entrySet()) {
                JsonObject media = c.getValue().asJsonObject();
                md.append("Body (`").append(c.getKey()).append("`): ")
                        .append(media.containsKey("schema") ? type(media.getJsonObject("schema")) : "any")
                        .append(".\n\n");
            }
        }
        JsonObject responses = op.getJsonObject("responses");
        if (responses != null && !responses.isEmpty()) {
            md.append("| status | meaning |\n|---|---|\n");
            for (String code : new TreeSet<>(responses.keySet())) {
                JsonObject r = responses.getJsonObject(code);
                String schema = "";
                if (r.containsKey("content")) {
                    for (JsonValue m : r.getJsonObject("content").values()) {
                        if (m.asJsonObject().containsKey("schema")) {
                            schema = " (" + type(m.asJsonObject().getJsonObject("schema")) + ")";
                            break;
                        }
                    }
                }
                md.append("| ").append(code).append(" | ").append(cell(r.getString("description", ""))).append(schema)
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    /** A schema in a few words: a link to a named schema, an array of one, or its type and format. */
    private static String type(JsonObject s) {
        if (s.containsKey("$ref")) {
            String name = s.getString("$ref").replace("#/components/schemas/", "");
            return "[" + name + "](#" + name.toLowerCase() + ")";
        }
        if (s.containsKey("allOf") || s.containsKey("oneOf") || s.containsKey("anyOf")) {
            String key = s.containsKey("allOf") ? "allOf" : s.containsKey("oneOf") ? "oneOf" : "anyOf";
            return String.join(" or ", s.getJsonArray(key).stream().map(v -> type(v.asJsonObject())).toList());
        }
        String type = s.getString("type", "any");
        if ("array".equals(type) && s.containsKey("items")) {
            return "array of " + type(s.getJsonObject("items"));
        }
        if (s.containsKey("enum")) {
            return type + ": " + words(s.getJsonArray("enum"));
        }
        return s.containsKey("format") ? type + " (" + s.getString("format") + ")" : type;
    }

    private static String words(JsonArray values) {
        return String.join(", ", values.stream()
                .map(v -> v instanceof JsonString js ? "`" + js.getString() + "`" : v.toString()).toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ").strip();
    }
}
