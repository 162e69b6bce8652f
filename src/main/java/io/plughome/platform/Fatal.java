package io.plughome.platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Ends a start that cannot succeed: one plain line per problem on the process's own standard error
 * (not through the server's log, which would bury it), the stack trace only with
 * {@code PLUGHOME_DEBUG=true}, then the process exits with a non-zero status, so that systemd's
 * {@code Restart=on-failure}, a container runtime or the shell sees the failure, and nothing is
 * left running that cannot work.
 */
public final class Fatal {

    /** A setting that cannot be used: starting again without changing it fails again (EX_CONFIG). */
    public static final int CONFIGURATION = 78;
    /** Something outside PlugHome (a port or database in use, say) that may pass. */
    public static final int UNAVAILABLE = 69;

    private Fatal() {
    }

    public static boolean debug() {
        String v = System.getenv("PLUGHOME_DEBUG");
        if (v == null) {
            v = System.getProperty("plughome.debug");
        }
        return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** Says why, exits with {@code status}; never returns normally (throws if the exit does not come). */
    public static RuntimeException stop(int status, List<String> lines, Throwable cause) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        for (String line : lines) {
            err.println("PlugHome cannot start: " + line);
        }
        if (cause != null && debug()) {
            cause.printStackTrace(err);
        } else if (cause != null) {
            err.println("(PLUGHOME_DEBUG=true shows the details)");
        }
        err.flush();
        // Halt, not exit: the server's shutdown hook would wait for the thread that is starting the
        // application (this one), and then print that failure with its stack trace. Nothing needs
        // closing: PlugHome's data is safe at any instant (it survives kill -9 by design).
        Runtime.getRuntime().halt(status);
        return new IllegalStateException(String.join("; ", lines), cause);
    }
}
