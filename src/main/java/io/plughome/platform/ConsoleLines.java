package io.plughome.platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Lines are handed to one writer thread through a bounded queue, so a slow console (a pipe
 * nobody reads fast enough) never holds up the thread that logged: with 10,000 chargers
 * connecting, eight request threads at a time were found blocked in {@code println}
 * (docs/performance.md). When the queue is full a line is counted instead of written, and the
 * writer says how many it left out once it catches up; {@code messages.log} has them all.
 */
public final class ConsoleLines extends Handler {

    private static ConsoleLines installed;
    /** Held strongly: the log manager keeps loggers only weakly, and a new one would have no handler. */
    private static Logger plughome;
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    /** Lines waiting for the console; what does not fit is counted in {@link #LEFT_OUT}. */
    private static final BlockingQueue<String> LINES = new ArrayBlockingQueue<>(10_000);
    private static final AtomicLong LEFT_OUT = new AtomicLong();
    private static Thread writer;
    private final boolean json;

    private ConsoleLines(boolean json) {
        this.json = json;
        setLevel(Level.INFO);
    }

    /** Puts the handler on PlugHome's loggers (once per application start). */
    public static synchronized void install(String logFormat) {
        uninstall();
        installed = new ConsoleLines("json".equalsIgnoreCase(logFormat == null ? "" : logFormat.trim()));
        if (writer == null) {
            writer = new Thread(ConsoleLines::write, "plughome-console");
            writer.setDaemon(true);
            writer.start();
        }
        plughome = Logger.getLogger("io.plughome");
        plughome.addHandler(installed);
    }

    public static synchronized void uninstall() {
        if (installed != null) {
            installed.flush(); // what was logged before the stop is shown
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
        String line = json ? jakarta.json.Json.createObjectBuilder().add("type", "liberty_message")
                .add("module", String.valueOf(record.getLoggerName())).add("loglevel", "INFO")
                .add("message", String.valueOf(message))
                .add("ibm_datetime", Instant.ofEpochMilli(record.getMillis()).toString()).build().toString()
                : "[PlugHome] " + message;
        if (!LINES.offer(line)) {
            LEFT_OUT.incrementAndGet();
        }
    }

    /** The writer thread: lines in order, and how many were left out when the queue was full. */
    private static void write() {
        while (true) {
            try {
                String line = LINES.take();
                OUT.println(line);
                long left = LINES.isEmpty() ? LEFT_OUT.getAndSet(0) : 0;
                if (left > 0) {
                    OUT.println("[PlugHome] " + left + " lines not shown here: the console could not keep up"
                            + " (logs/messages.log has them)");
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void flush() {
        // Waits (briefly) for the queued lines, so that what was logged before a stop is shown.
        for (int i = 0; i < 100 && !LINES.isEmpty(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        OUT.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
