package io.plughome.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says at start-up where the TLS key store is, and warns when its path is relative: Liberty
 * resolves a relative key store path inside its own server directory, which the runnable jar
 * re-extracts, so the certificate chargers trust would change.
 */
@ApplicationScoped
public class TlsCheck {

    private static final Logger LOG = Logger.getLogger(TlsCheck.class.getName());

    @Inject
    @ConfigProperty(name = "plughome.tls.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "plughome.https.port", defaultValue = "8443")
    int httpsPort;

    void started(@Observes StartupListener.Started started) {
        if (httpsPort < 0 || keystore.isEmpty()) {
            return;
        }
        Path path = Path.of(keystore.get());
        if (!path.isAbsolute()) {
            LOG.warning("The TLS key store path '" + path + "' is relative, so Liberty keeps it inside its own"
                    + " server directory. Set PLUGHOME_DATA_DIR (or PLUGHOME_TLS_KEYSTORE) to an absolute path.");
        } else {
            LOG.info("TLS on port " + httpsPort + " with the key store " + path
                    + (Files.exists(path) ? "" : " (not there yet)"));
        }
    }
}
