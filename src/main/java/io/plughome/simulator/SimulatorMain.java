package io.plughome.simulator;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code java -jar target/plughome-simulator.jar [options]}: simulated chargers against a running
 * PlugHome, until Ctrl-C. See {@link #USAGE}.
 */
public final class SimulatorMain {

    static final String USAGE = """
            PlugHome charger simulator: chargers that boot, plug in, charge and obey PlugHome.

              java -jar target/plughome-simulator.jar [options]

              --url URL             the server's OCPP address (default ws://localhost:8080/ocpp);
                                    each charger connects to URL/<its id>
              --chargers N          how many chargers (default 1)
              --prefix NAME         their ids are NAME-1, NAME-2, ... (default SIM)
              --protocol V          1.6 (default) or 2.0.1
              --password P          connect with HTTP Basic auth (user: the charger id)
              --insecure            with wss://, trust any server certificate (a self-signed one)
              --max-current A       the most each car draws, per phase (default 16; set
                                    a charging limit in PlugHome and the current follows it)
              --phases N            1 or 3 (default 3), at 230 V
              --session-kwh E       the car is full after E kWh, then unplugs (default 10)
              --meter-interval S    meter values every S seconds (default 10)
              --no-auto-start       plug in but wait for a remote start from PlugHome
              --id-tag TAG          the card a car is started with (default SIM-CARD)
              --fault-after S       S seconds in, the first charger has a ground fault for 30 s
              --reconnect-after S   S seconds in, the first charger loses its connection and
                                    comes back without booting
              --help                this text
            """;

    private static final java.util.Set<String> VALUED = java.util.Set.of("--url", "--chargers", "--prefix",
            "--protocol", "--password", "--id-tag", "--max-current", "--phases", "--session-kwh", "--meter-interval",
            "--fault-after", "--reconnect-after");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = "ws://localhost:8080/ocpp";
        String prefix = "SIM";
        String protocol = "ocpp1.6";
        String password = null;
        String idTag = "SIM-CARD";
        boolean insecure = false;
        boolean autoStart = true;
        int chargers = 1;
        int phases = 3;
        int meterInterval = 10;
        int faultAfter = 0;
        int reconnectAfter = 0;
        double maxCurrent = 16;
        double sessionKwh = 10;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "--insecure" -> insecure = true;
                    case "--no-auto-start" -> autoStart = false;
                    default -> {
                        if (!VALUED.contains(arg)) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        String value = args[++i];
                        switch (arg) {
                            case "--url" -> url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                            case "--chargers" -> chargers = positive(arg, value);
                            case "--prefix" -> prefix = value;
                            case "--protocol" -> protocol = switch (value.replace("ocpp", "")) {
                                case "1.6", "1.6j", "1.6J" -> "ocpp1.6";
                                case "2.0.1" -> "ocpp2.0.1";
                                default -> throw new IllegalArgumentException("--protocol is 1.6 or 2.0.1, not " + value);
                            };
                            case "--password" -> password = value;
                            case "--id-tag" -> idTag = value;
                            case "--max-current" -> maxCurrent = positive(arg, value);
                            case "--phases" -> phases = positive(arg, value);
                            case "--session-kwh" -> sessionKwh = positive(arg, value);
                            case "--meter-interval" -> meterInterval = positive(arg, value);
                            case "--fault-after" -> faultAfter = positive(arg, value);
                            case "--reconnect-after" -> reconnectAfter = positive(arg, value);
                            default -> throw new IllegalArgumentException("unknown option " + arg);
                        }
                    }
                }
            }
            if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
                throw new IllegalArgumentException("--url starts with ws:// or wss://, e.g. ws://localhost:8080/ocpp");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (insecure) {
            // Java's WebSocket client checks the host name even when any certificate is trusted.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        }
        HttpClient client = insecure ? HttpClient.newBuilder().sslContext(trustAll()).build()
                : HttpClient.newHttpClient();
        List<SimulatedCharger> running = new ArrayList<>();
        for (int n = 1; n <= chargers; n++) {
            SimulatedCharger.Options options = new SimulatedCharger.Options(url, prefix + "-" + n, protocol, password,
                    client, meterInterval, maxCurrent, phases, 230, autoStart, idTag, sessionKwh, 3 + 2 * n,
                    n == 1 ? faultAfter : 0, n == 1 ? reconnectAfter : 0, System.out);
            running.add(new SimulatedCharger(options).start());
        }
        System.out.println("Simulating " + chargers + " charger(s) at " + url + " speaking " + protocol
                + "; Ctrl-C stops them.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(SimulatedCharger::close);
            stop.countDown();
        }));
        stop.await();
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
    }

    /** For a server with a self-signed certificate, on the owner's word (--insecure). */
    private static SSLContext trustAll() throws Exception {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, new SecureRandom());
        return context;
    }
}
