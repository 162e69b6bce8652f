package io.plughome.testsupport;

import com.sun.net.httpserver.HttpServer;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real MQTT broker (Moquette, in memory) for the integration tests, which the build starts on
 * free ports before the test servers and which serves until the build ends. It listens
 * <ul>
 * <li>in plain MQTT, for the tests' own clients;</li>
 * <li>in MQTT over TLS, with a certificate from a CA made at start ({@code ca.pem} in its folder),
 *     for a test server configured with {@code mqtts://} and PLUGHOME_MQTT_CA_FILE;</li>
 * <li>through a TCP proxy to the plain port that a test can put {@code down} (connections cut,
 *     new ones refused), {@code frozen} (connections held, no byte passed: a stuck broker) or
 *     {@code up} again, by a POST to {@code http://127.0.0.1:<control>/proxy/<state>}.</li>
 * </ul>
 * It writes {@code ready} into its folder when all of them listen.
 *
 * <p>Arguments: plain port, folder, TLS port, proxy port, control port.
 */
public final class TestBroker {

    private static final String PASSWORD = "test-broker";

    private TestBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        int tlsPort = Integer.parseInt(args[2]);
        int proxyPort = Integer.parseInt(args[3]);
        int controlPort = Integer.parseInt(args[4]);
        Files.deleteIfExists(dir.resolve("ready"));
        Path keyStore = certificates(dir);

        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("ssl_port", Integer.toString(tlsPort));
        p.setProperty("jks_path", keyStore.toAbsolutePath().toString());
        p.setProperty("key_store_type", "pkcs12");
        p.setProperty("key_store_password", PASSWORD);
        p.setProperty("key_manager_password", PASSWORD);
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", dir.toAbsolutePath().toString());
        p.setProperty("websocket_port", "disabled");
        p.setProperty("netty.mqtt.message_size", "65536");
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stopServer));

        Proxy proxy = new Proxy(proxyPort, port);
        proxy.start();
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 0);
        control.createContext("/proxy/", exchange -> {
            String state = exchange.getRequestURI().getPath().substring("/proxy/".length());
            int code;
            if ("POST".equals(exchange.getRequestMethod()) && Set.of("up", "down", "frozen").contains(state)) {
                proxy.set(state);
                code = 204;
            } else {
                code = 400;
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        control.start();
        System.out.println("[TestBroker] MQTT broker on 127.0.0.1:" + port + ", TLS on " + tlsPort + ", proxy on "
                + proxyPort + " (control on " + controlPort + ")");
        Files.writeString(dir.resolve("ready"), Integer.toString(port));
        Thread.currentThread().join();
    }

    /**
     * A CA and a broker certificate it signs (for 127.0.0.1 and localhost), made with the JDK's
     * keytool: {@code ca.pem} is what a client trusts, {@code broker.p12} what the broker serves.
     */
    private static Path certificates(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path broker = dir.resolve("broker.p12");
        Path request = dir.resolve("broker.csr");
        Path signed = dir.resolve("broker.pem");
        for (Path f : List.of(ca, caPem, broker, request, signed)) {
            Files.deleteIfExists(f);
        }
        String s = PASSWORD;
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=PlugHome test CA", "-ext", "bc:c", "-validity", "30", "-keystore", ca, "-storepass", s);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", s, "-file", caPem);
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "30", "-keystore", broker, "-storepass", s);
        keytool("-certreq", "-alias", "broker", "-keystore", broker, "-storepass", s, "-file", request);
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", s, "-infile", request,
                "-outfile", signed, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth",
                "-validity", "30");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", broker, "-storepass", s, "-file", caPem);
        keytool("-importcert", "-alias", "broker", "-keystore", broker, "-storepass", s, "-file", signed);
        return broker;
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-storetype");
        command.add("PKCS12");
        for (Object a : args) {
            command.add(a.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** A TCP proxy to the broker whose state a test sets: up, down or frozen. */
    static final class Proxy {
        private final int port;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final Object gate = new Object();
        private volatile String state = "up";

        Proxy(int port, int target) {
            this.port = port;
            this.target = target;
        }

        void start() throws IOException {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Thread accept = new Thread(() -> {
                while (true) {
                    try {
                        Socket in = server.accept();
                        if ("down".equals(state)) {
                            in.close();
                            continue;
                        }
                        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                        open.add(in);
                        open.add(out);
                        pump(in, out);
                        pump(out, in);
                    } catch (IOException e) {
                        // a client that came and went; keep accepting
                    }
                }
            }, "proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        void set(String next) {
            synchronized (gate) {
                state = next;
                gate.notifyAll();
            }
            if ("down".equals(next)) {
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closed already
                    }
                }
                open.clear();
            }
            System.out.println("[TestBroker] proxy " + next);
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        synchronized (gate) {
                            while ("frozen".equals(state)) {
                                gate.wait();
                            }
                        }
                        if ("down".equals(state)) {
                            break;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // one side closed
                } finally {
                    close(from);
                    close(to);
                }
            }, "proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        private void close(Socket s) {
            open.remove(s);
            try {
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
