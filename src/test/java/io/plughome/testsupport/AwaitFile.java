package io.plughome.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Build helper: waits until a file exists (a background service reporting ready), or fails. */
public final class AwaitFile {

    private AwaitFile() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + file);
            }
            Thread.sleep(200);
        }
        System.out.println("[AwaitFile] " + file + " is there");
    }
}
