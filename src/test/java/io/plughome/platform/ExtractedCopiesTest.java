package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class ExtractedCopiesTest {

    @Test
    void earlierCopiesGoUnlessAServerHoldsThem() throws Exception {
        Path root = Files.createTempDirectory("wlpExtract");
        Path mine = Files.createDirectories(root.resolve("plughome_1600000000003/wlp/usr/servers/plughome/workarea"));
        Path logsOnly = Files.createDirectories(root.resolve("plughome_1600000000001/wlp/usr/servers/plughome/logs"));
        Path killed = Files.createDirectories(root.resolve("plughome_1600000000002/wlp/usr/servers/plughome/workarea"));
        Files.writeString(killed.resolve(".sLock"), "");
        Path alive = Files.createDirectories(root.resolve("plughome_1600000000004/wlp/usr/servers/plughome/workarea"));
        Files.writeString(alive.resolve(".sLock"), "");
        Path other = Files.createDirectories(root.resolve("otherapp_1600000000005/wlp"));
        Path copy = root.resolve("plughome_1600000000003");
        // A lock held by another process looks like this one: a channel of ours holding it.
        try (FileChannel channel = FileChannel.open(alive.resolve(".sLock"), StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            assertTrue(ExtractedCopies.running(root.resolve("plughome_1600000000004")));
            assertEquals(2, ExtractedCopies.removeOthers(copy));
        }
        assertFalse(Files.exists(logsOnly.getParent()));
        assertFalse(Files.exists(root.resolve("plughome_1600000000002")));
        assertTrue(Files.exists(alive), "a running server's copy stays");
        assertTrue(Files.exists(mine), "this start's own copy stays");
        assertTrue(Files.exists(other), "another jar's copies are not ours");
    }
}
