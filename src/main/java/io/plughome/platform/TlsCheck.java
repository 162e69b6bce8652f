package io.plughome.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TLS key store at start-up: says where it is, warns when its path is relative (Liberty
 * resolves a relative key store path inside its own server directory, which the runnable jar
 * re-extracts, so the certificate chargers trust would change), and gives the key store PlugHome
 * made a password of its own.
 * <p>
 * The key store Liberty makes on first start has the built-in password everyone can read in
 * server.xml. PlugHome draws a random one for this installation, re-encrypts the key store with
 * it and writes it to {@code tls/keystore-password.xml} (owner-only), which server.xml includes;
 * Liberty picks the new password up at once. A key store of the owner's own
 * ({@code PLUGHOME_TLS_KEYSTORE} elsewhere, or {@code PLUGHOME_TLS_KEYSTORE_PASSWORD} set) is
 * left alone.
 */
@ApplicationScoped
public class TlsCheck {

    private static final Logger LOG = Logger.getLogger(TlsCheck.class.getName());

    /** The password server.xml gives a key store Liberty makes before PlugHome has drawn one. */
    static final String BUILT_IN_PASSWORD = "plughome-tls";
    static final String PASSWORD_FILE = "keystore-password.xml";

    @Inject
    @ConfigProperty(name = "plughome.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "plughome.tls.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "plughome.https.port", defaultValue = "8443")
    int httpsPort;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

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
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        if (ownKeyStore(data).isPresent()) {
            executor.execute(() -> lookAtKeyStore(data, 30));
        }
    }

    /** Liberty makes a missing key store when TLS starts, which may be just after this: looks every 2 s for a minute. */
    private void lookAtKeyStore(Path data, int triesLeft) {
        if (!secureKeyStore(data) && triesLeft > 1) {
            executor.schedule(() -> lookAtKeyStore(data, triesLeft - 1), 2, TimeUnit.SECONDS);
        }
    }

    /** The key store PlugHome owns: the default one in the data directory, with no password set by the owner. */
    private Optional<Path> ownKeyStore(Path data) {
        Path standard = data.resolve("tls").resolve("plughome.p12");
        Path configured = keystore.map(k -> Path.of(k).toAbsolutePath().normalize()).orElse(standard);
        boolean ownPassword = System.getenv("PLUGHOME_TLS_KEYSTORE_PASSWORD") != null
                || System.getProperty("plughome.tls.keystore.password") != null;
        return configured.equals(standard) && !ownPassword ? Optional.of(standard) : Optional.empty();
    }

    /** True when there is nothing (more) to do: the key store has its own password, or is the owner's. */
    boolean secureKeyStore(Path data) {
        Path store = ownKeyStore(data).orElse(null);
        if (store == null) {
            return true;
        }
        if (!Files.isRegularFile(store)) {
            return false; // not made yet
        }
        try {
            if (!opens(store, BUILT_IN_PASSWORD)) {
                return true; // it has its own password already
            }
            String password = newPassword();
            rekey(store, BUILT_IN_PASSWORD, password);
            Path file = store.resolveSibling(PASSWORD_FILE);
            Path part = Files.createTempFile(store.getParent(), ".password-", ".part");
            Files.writeString(part, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Written by PlugHome on first"
                    + " start: this installation's key store password. Keep it with the key store. -->\n<server>\n"
                    + "  <variable name=\"plughome.tls.generated.password\" value=\"" + password + "\"/>\n</server>\n",
                    StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnly.restrict(file);
            if (!libertyRead(password)) {
                // Liberty resolves the include's location early: a data directory set in a
                // configDropins file is not known then. Undo rather than leave a key store it cannot open.
                rekey(store, password, BUILT_IN_PASSWORD);
                Files.deleteIfExists(file);
                LOG.warning("Liberty did not read " + file + ", so the TLS key store keeps its built-in password;"
                        + " set PLUGHOME_DATA_DIR as an environment variable (or -Dplughome.data.dir) to give it one"
                        + " of its own");
                return true;
            }
            LOG.info("The TLS key store " + store + " has a password of its own now (" + file + ")");
            return true;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give the TLS key store " + store + " a password of its own: "
                    + e.getMessage(), e);
            return true;
        }
    }

    /** Whether Liberty took the new password from the included file (it reloads it within seconds). */
    private static boolean libertyRead(String password) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (password.equals(ConfigProvider.getConfig().getOptionalValue("plughome.tls.generated.password",
                    String.class).orElse(null))) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static boolean opens(Path store, String password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                return false;
            }
            throw e;
        }
    }

    /** Re-encrypts a PKCS#12 key store and its keys with a new password, replacing the file at once. */
    static void rekey(Path store, String oldPassword, String newPassword) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, oldPassword.toCharArray());
        }
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                Key key = keys.getKey(alias, oldPassword.toCharArray());
                Certificate[] chain = keys.getCertificateChain(alias);
                copy.setKeyEntry(alias, key, newPassword.toCharArray(), chain);
            } else {
                copy.setCertificateEntry(alias, keys.getCertificate(alias));
            }
        }
        Path part = Files.createTempFile(store.getParent(), ".keystore-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                copy.store(out, newPassword.toCharArray());
            }
            Files.move(part, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        OwnerOnly.restrict(store);
    }

    static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
