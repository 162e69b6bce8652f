package io.plughome.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The application's compiled classes (target/classes), loaded without initialising them. */
public final class CompiledClasses {

    private CompiledClasses() {
    }

    /** Every class that loads; one that does not (a missing optional dependency) is left out. */
    public static List<Class<?>> all() {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                try {
                    found.add(Class.forName(name, false, CompiledClasses.class.getClassLoader()));
                } catch (Throwable e) {
                    // not loadable here
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
