package io.plughome.ocpp;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Graceful shutdown of the OCPP edge. On SIGTERM (systemd, Docker, Ctrl-C) Liberty quiesces its
 * network channels before it stops the application, which would drop charger sockets without a
 * close frame; so a JVM shutdown hook, which runs as soon as the signal arrives, answers the
 * CALLs in flight and closes every charger socket with 1001 (going away) first. When the
 * application stops otherwise (an undeploy, {@code server stop}), the same runs when the
 * context is destroyed.
 */
@WebListener
public class OcppShutdown implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(OcppShutdown.class.getName());
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(5);

    @Inject
    ConnectionRegistry registry;

    private Thread hook;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ConnectionRegistry connections = registry;
        hook = new Thread(() -> connections.shutdown(IN_FLIGHT_WAIT), "plughome-ocpp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                LOG.log(Level.FINE, "JVM shutdown in progress; the hook closes the charger sockets");
            }
        }
        registry.shutdown(IN_FLIGHT_WAIT);
    }
}
