package io.plughome.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** File names from chargers and owners never leave their folder and never hide. */
class FileStoreTest {

    @Test
    void namesAreMadeSafe() {
        assertEquals("diag.log", FileStore.safe("diag.log", "x"));
        assertEquals("passwd", FileStore.safe("../../etc/passwd", "x"));
        assertEquals("boot.ini", FileStore.safe("C:\\windows\\boot.ini", "x"));
        assertEquals("htaccess", FileStore.safe(".htaccess", "x"));
        assertEquals("log_2026-11-25__1_.tar.gz", FileStore.safe("log 2026-11-25 (1).tar.gz", "x"));
        assertEquals("fallback", FileStore.safe("..", "fallback"));
        assertEquals("fallback", FileStore.safe(null, "fallback"));
        assertEquals(100, FileStore.safe("a".repeat(150) + ".bin", "x").length());
        assertTrue(FileStore.safe("a".repeat(150) + ".bin", "x").endsWith(".bin"));
    }
}
