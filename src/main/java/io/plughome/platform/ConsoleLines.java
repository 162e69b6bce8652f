package io.plughome.platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * PlugHome's own informational lines on the console. The server's console shows warnings and
 * errors only (server.xml's {@code consoleLogLevel}: the runtime's bookkeeping, EJB bindings, LTPA
 * keys, transaction recovery, stays in {@code messages.log}); what PlugHome itself says at INFO,
 * a charger connecting, the database's version, MQTT connected, "ready", is written here to the
 * process's standard output, as plain lines or, with {@code PLUGHOME_LOG_FORMAT=json}, as JSON
 * objects with the server's field names. Warnings and errors are not repeated here: the server
 * prints those.
 */
public final class ConsoleLines extends Handler {

    private static ConsoleLines installed;
    /** Held strongly: the log manager keeps loggers only weakly, and a new one would have no handler. */
    private static Logger plughome;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private final boolean json;

    private ConsoleLines(boolean json) {
        this.json = json;
        setLevel(Level.INFO);
    }

    /** Puts the handler on PlugHome's loggers (once per application start). */
    public static synchronized void install(String logFormat) {
        uninstall();
        installed = new ConsoleLines("json".equalsIgnoreCase(logFormat == null ? "" : logFormat.trim()));
        plughome = Logger.getLogger("io.plughome");
        plughome.addHandler(installed);
    }

    public static synchronized void uninstall() {
        if (installed != null) {
            plughome.removeHandler(installed);
            installed = null;
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || record.getLevel().intValue() >= Level.WARNING.intValue()
                || record.getLevel().intValue() < Level.INFO.intValue()) {
            return;
        }
        String message = record.getMessage();
        if (record.getParameters() != null && record.getParameters().length > 0 && message != null) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        if (json) {
            out.println(jakarta.json.Json.createObjectBuilder().add("type", "liberty_message")
                    .add("module", String.valueOf(record.getLoggerName())).add("loglevel", "INFO")
                    .add("message", String.valueOf(message))
                    .add("ibm_datetime", Instant.ofEpochMilli(record.getMillis()).toString()).build().toString());
        } else {
            out.println("[PlugHome] " + message);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
