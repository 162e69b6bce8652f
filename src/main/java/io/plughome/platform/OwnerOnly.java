package io.plughome.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Files of the data directory are the owner's alone: folders {@code rwx------}, files
 * {@code rw-------} (the database, the key store, backups, diagnostics and firmware hold charging
 * history, keys and secrets). On file systems without POSIX permissions nothing is changed.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** Creates a folder and its missing parents, the ones it creates owner-only. */
    public static Path createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Path missing = absolute;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        Files.createDirectories(absolute);
        for (Path p = absolute; p != null && p.startsWith(missing); p = p.getParent()) {
            restrict(p);
        }
        return folder;
    }

    /** Makes one file or folder owner-only; true when it changed. */
    public static boolean restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path)) {
            return false;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
        if (view.readAttributes().permissions().equals(wanted)) {
            return false;
        }
        view.setPermissions(wanted);
        return true;
    }

    /**
     * Makes a folder and everything in it owner-only (an installation from before this was
     * done); how many files and folders changed. Symbolic links are left alone, not followed.
     */
    public static int restrictTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        AtomicInteger changed = new AtomicInteger();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (restrict(dir)) {
                    changed.incrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && restrict(file)) {
                    changed.incrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a file that vanished meanwhile (H2's temporary files)
            }
        });
        return changed.get();
    }
}
