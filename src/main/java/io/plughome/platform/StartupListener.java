package io.plughome.platform;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Start-up order: the servlet container calls this before it serves any request or WebSocket
 * upgrade, so the schema is migrated before any part of the application touches the database.
 * Beans that need start-up work after that observe {@link Started}.
 */
@WebListener
public class StartupListener implements ServletContextListener {

    /** Fired once the database schema is current. */
    public record Started() {
    }

    @Inject
    Migrations migrations;

    @Inject
    Event<Started> started;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        migrations.migrate();
        started.fire(new Started());
    }
}
