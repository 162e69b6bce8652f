package io.plughome.platform;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;

/**
 * Start-up order: the servlet container calls this before it serves any request or WebSocket
 * upgrade, so the schema is migrated before any part of the application touches the database.
 * Beans that need start-up work after that observe {@link Started}.
 */
@WebListener
public class StartupListener implements ServletContextListener {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            StartupListener.class.getName());

    /** Fired once the database schema is current. */
    public record Started() {
    }

    @Inject
    Migrations migrations;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @Inject
    Event<Started> started;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        try {
            migrations.migrate();
        } catch (RuntimeException e) {
            throw Fatal.stop(Fatal.UNAVAILABLE, List.of(databaseProblem(e)), e);
        }
        try {
            started.fire(new Started());
        } catch (RuntimeException e) {
            // The start-up work of a part of PlugHome found a setting it cannot use; its message names it.
            Throwable cause = e;
            while (cause.getCause() != null && (cause.getMessage() == null || !cause.getMessage().contains("PLUGHOME_"))) {
                cause = cause.getCause();
            }
            String message = cause.getMessage() != null && cause.getMessage().contains("PLUGHOME_") ? cause.getMessage()
                    : "an unexpected error (" + e + "); PLUGHOME_DEBUG=true shows where";
            throw Fatal.stop(Fatal.CONFIGURATION, List.of(message), e);
        }
        String addr = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("addr", String.class)
                .orElse("0.0.0.0");
        int port = Integer.parseInt(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("port", String.class).orElse("8080").trim());
        // The server opens its ports once every application has started: "ready" when it has.
        executor.execute(() -> {
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < until) {
                try (java.net.Socket s = new java.net.Socket()) {
                    s.connect(new java.net.InetSocketAddress(addr.equals("0.0.0.0") || addr.equals("*") ? "127.0.0.1"
                            : addr, port), 1000);
                    LOG.info(ready());
                    return;
                } catch (java.io.IOException e) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            LOG.warning("PORT " + port + " is not open 120 s after PlugHome started; see logs/messages.log");
        });
    }

    /** The line that says PlugHome is up, with where to find it. */
    static String ready() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String port = config.getOptionalValue("port", String.class).orElse("8080");
        String host = LanAddresses.first().orElse("localhost");
        return "PlugHome " + Build.version() + " is ready: open http://" + host + ":" + port + "/ ; chargers connect"
                + " to ws://" + host + ":" + port + "/ocpp/<charger id>";
    }

    /** The database could not be opened or migrated: one line on what to do. */
    static String databaseProblem(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String text = all.toString();
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null) {
                first = t.getMessage().lines().findFirst().orElse(first);
            }
        }
        if (first.length() > 200) {
            first = first.substring(0, 200) + "...";
        }
        if (text.contains("already in use") || text.contains("Locked by another process")) {
            return "PLUGHOME_DATA_DIR: the database file is in use by another program (is PlugHome already running"
                    + " with this data directory?): stop it, or set PLUGHOME_DATA_DIR to another folder";
        }
        return "PLUGHOME_DB_URL: the database cannot be opened (" + first + "): check that it runs, and"
                + " PLUGHOME_DB_URL, PLUGHOME_DB_USER and PLUGHOME_DB_PASSWORD";
    }
}
