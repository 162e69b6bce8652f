package io.plughome.platform;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks what PlugHome is given before anything else of it starts (a CDI extension runs before
 * any bean is made): every setting's value ({@link Settings}), that the data directory can be
 * written, that the ports are free (or already this server's), and that an owner's certificate can
 * be read. Each problem is one plain line naming the environment variable; then the process ends
 * ({@link Fatal}).
 */
public class StartupCheck implements Extension {

    void check(@Observes BeforeBeanDiscovery event) {
        Config config = ConfigProvider.getConfig(StartupCheck.class.getClassLoader());
        ConsoleLines.install(value(config, "plughome.log.format").orElse("dev"));
        List<String> problems = new ArrayList<>();
        Settings.problems(key -> value(config, key)).forEach(p -> problems.add(p.line()));
        if (!problems.isEmpty()) {
            throw Fatal.stop(Fatal.CONFIGURATION, problems, null);
        }
        String dataDir = value(config, "plughome.data.dir").orElse("./data");
        String dataProblem = dataDirectory(dataDir);
        if (dataProblem != null) {
            throw Fatal.stop(Fatal.CONFIGURATION, List.of(dataProblem), null);
        }
        String inUse = lockDataDirectory(Path.of(dataDir).toAbsolutePath().normalize());
        if (inUse != null) {
            throw Fatal.stop(Fatal.UNAVAILABLE, List.of(inUse), null);
        }
        String certificate = keyStore(config);
        if (certificate != null) {
            throw Fatal.stop(Fatal.CONFIGURATION, List.of(certificate), null);
        }
        String addr = value(config, "addr").orElse("0.0.0.0");
        List<String> ports = new ArrayList<>();
        portProblem("PORT", addr, Integer.parseInt(value(config, "port").orElse("8080").trim()))
                .ifPresent(ports::add);
        int https = Integer.parseInt(value(config, "plughome.https.port").orElse("8443").trim());
        if (https > 0) {
            portProblem("PLUGHOME_HTTPS_PORT", addr, https).ifPresent(ports::add);
        }
        if (!ports.isEmpty()) {
            throw Fatal.stop(Fatal.UNAVAILABLE, ports, null);
        }
        warmUpDatabase();
    }

    /**
     * Opens the first database connection (loading the driver, opening the H2 file) on a thread of
     * its own while CDI discovers the beans, instead of after it: about a second of a start. What
     * goes wrong here is not reported: the migrations open their own connection next and say it.
     */
    private static void warmUpDatabase() {
        Thread warm = new Thread(() -> {
            try {
                javax.sql.DataSource ds = (javax.sql.DataSource) new javax.naming.InitialContext().lookup("jdbc/plughome");
                try (java.sql.Connection c = ds.getConnection()) {
                    c.isValid(5);
                }
            } catch (Exception | LinkageError e) {
                java.util.logging.Logger.getLogger(StartupCheck.class.getName())
                        .fine("database warm-up: " + e);
            }
        }, "plughome-database-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    void stopped(@Observes jakarta.enterprise.inject.spi.BeforeShutdown event) {
        ConsoleLines.uninstall();
    }

    private static Optional<String> value(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The data directory exists (made if need be) and this user may write in it; else what to do. */
    static String dataDirectory(String setting) {
        Path dir = Path.of(setting).toAbsolutePath().normalize();
        String user = System.getProperty("user.name");
        try {
            if (!Files.isDirectory(dir)) {
                DataFiles.fresh = true;
            } else {
                try (var entries = Files.list(dir)) {
                    // Liberty makes the TLS key store (tls) and, started by the launcher, its own files (server)
                    // before PlugHome starts: a folder holding only those is new.
                    DataFiles.fresh = entries.allMatch(p -> java.util.Set.of("tls", "server")
                            .contains(p.getFileName().toString()));
                }
            }
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (AccessDeniedException e) {
            return "PLUGHOME_DATA_DIR " + dir + " cannot be written by user '" + user + "': give that user write"
                    + " access (chown " + user + " " + dir + "), or set PLUGHOME_DATA_DIR to a folder it may write";
        } catch (IOException | RuntimeException e) {
            return "PLUGHOME_DATA_DIR " + dir + " cannot be used (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): set PLUGHOME_DATA_DIR to a folder"
                    + " user '" + user + "' may write";
        }
    }

    /** The lock that says this process uses the data directory; held until the process ends. */
    private static java.nio.channels.FileChannel dataLock;

    /**
     * One PlugHome per data directory: the database would not stop a second one (H2 lets go of
     * its file whenever no connection is open), so PlugHome holds a lock on {@code .plughome.lock}
     * in it for as long as it runs; the operating system releases it when the process ends, however
     * it ends. Answers what to do when another process holds it.
     */
    static synchronized String lockDataDirectory(Path dir) {
        if (dataLock != null && dataLock.isOpen()) {
            return null; // this process holds it already (a second application in the same server)
        }
        Path file = dir.resolve(".plughome.lock");
        try {
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.READ);
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                channel.close();
                return null; // held by this process
            }
            if (lock == null) {
                String holder = Files.readString(file).trim();
                channel.close();
                return "PLUGHOME_DATA_DIR " + dir + " is in use by another PlugHome" + (holder.isEmpty() ? ""
                        : " (process " + holder + ")") + ": stop it first, or give this one a data directory of its own";
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            channel.force(false);
            dataLock = channel;
            return null;
        } catch (IOException e) {
            return "PLUGHOME_DATA_DIR " + dir + " cannot be locked (" + e.getMessage() + "): set PLUGHOME_DATA_DIR to a"
                    + " local folder (not a network share that cannot lock files)";
        }
    }

    /** An owner's own key store (PLUGHOME_TLS_KEYSTORE) must open with its password. */
    static String keyStore(Config config) {
        String path = System.getenv("PLUGHOME_TLS_KEYSTORE");
        if (path == null || path.isBlank()) {
            return null;
        }
        Path file = Path.of(path.trim());
        if (!Files.isReadable(file)) {
            return "PLUGHOME_TLS_KEYSTORE " + file + " cannot be read by user '" + System.getProperty("user.name")
                    + "': check the path and the file's permissions, or remove the setting to use PlugHome's own";
        }
        String password = value(config, "plughome.tls.keystore.password").orElse("");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
            return null;
        } catch (IOException | java.security.GeneralSecurityException e) {
            return "PLUGHOME_TLS_KEYSTORE " + file + " does not open with PLUGHOME_TLS_KEYSTORE_PASSWORD (" + e
                    .getMessage() + "): give the PKCS#12 file's password, or make one with openssl pkcs12 -export";
        }
    }

    /**
     * A port is free when it can be bound now (the server opens its ports once the application is up),
     * or is already held by this very process; otherwise another program has it.
     */
    static Optional<String> portProblem(String variable, String addr, int port) {
        InetAddress bind;
        try {
            bind = addr.equals("*") ? null : InetAddress.getByName(addr);
        } catch (IOException e) {
            return Optional.of("ADDR " + addr + " is not an address of this box (" + e.getMessage() + "): set ADDR"
                    + " to one of its addresses, or 0.0.0.0 for all");
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, port));
            return Optional.empty();
        } catch (IOException e) {
            if (heldByThisProcess(port)) {
                return Optional.empty();
            }
            String what = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (what.contains("permission")) {
                return Optional.of(variable + " " + port + " needs privileges this user does not have (ports below"
                        + " 1024 do): set " + variable + " to 1024 or above");
            }
            if (what.contains("assign") || what.contains("cannot assign")) {
                return Optional.of("ADDR " + addr + " is not an address of this box: set ADDR to one of its"
                        + " addresses, or 0.0.0.0 for all");
            }
            return Optional.of(variable + " " + port + " is in use by another program: stop that program (is"
                    + " PlugHome already running?), or set " + variable + " to a free port");
        }
    }

    /** Whether a listening socket on this port belongs to this process (Linux; false where unknown). */
    static boolean heldByThisProcess(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is field 9
                    if (f.length > 9 && f[1].contains(":") && "0A".equals(f[3])
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable
            }
        }
        if (inodes.isEmpty()) {
            return false;
        }
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
