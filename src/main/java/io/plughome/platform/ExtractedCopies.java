package io.plughome.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code java -jar plughome.jar} unpacks the server into a new folder at every start
 * ({@code ~/wlpExtract/plughome_<number>}, or under {@code WLP_JAR_EXTRACT_ROOT}), and Liberty
 * leaves each one behind (with its logs; all of it when the process was killed). At start,
 * PlugHome removes the copies of earlier starts that no running server holds, so one start leaves
 * at most its own folder, not one more each time.
 */
@ApplicationScoped
public class ExtractedCopies {

    private static final Logger LOG = Logger.getLogger(ExtractedCopies.class.getName());
    private static final Pattern COPY = Pattern.compile("(.+)_\\d{10,}");

    void started(@Observes StartupListener.Started started) {
        try {
            thisCopy().ifPresent(copy -> {
                int removed = removeOthers(copy);
                if (removed > 0) {
                    LOG.info("Removed " + removed + " copies of the server that earlier starts of plughome.jar had"
                            + " unpacked beside " + copy);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not look for earlier unpacked copies", e);
        }
    }

    /** The folder this server was unpacked into by the runnable jar, if it was. */
    static Optional<Path> thisCopy() {
        for (String start : new String[] {System.getProperty("wlp.install.dir"), System.getProperty("user.dir")}) {
            if (start == null) {
                continue;
            }
            for (Path p = Path.of(start).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (p.getFileName() != null && COPY.matcher(p.getFileName().toString()).matches()
                        && Files.isDirectory(p.resolve("wlp"))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Removes the sibling copies of the same jar that no running server holds; answers how many. */
    static int removeOthers(Path copy) {
        var m = COPY.matcher(copy.getFileName().toString());
        if (!m.matches() || copy.getParent() == null) {
            return 0;
        }
        String prefix = m.group(1) + "_";
        int removed = 0;
        try (Stream<Path> siblings = Files.list(copy.getParent())) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if (sibling.equals(copy) || !name.startsWith(prefix) || !COPY.matcher(name).matches()
                        || !Files.isDirectory(sibling) || running(sibling)) {
                    continue;
                }
                deleteTree(sibling);
                removed++;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not list " + copy.getParent(), e);
        }
        return removed;
    }

    /** Whether a server in that copy still runs: Liberty holds a lock on its work area's .sLock while it does. */
    static boolean running(Path copy) {
        List<Path> locks;
        try (Stream<Path> found = Files.find(copy, 6, (p, a) -> p.getFileName().toString().equals(".sLock"))) {
            locks = found.toList();
        } catch (IOException | RuntimeException e) {
            return true;
        }
        for (Path lock : locks) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                    FileLock held = channel.tryLock()) {
                if (held == null) {
                    return true;
                }
            } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Could not delete " + p, e);
                }
            });
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not delete " + root, e);
        }
    }
}
