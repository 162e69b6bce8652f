package io.plughome.tools;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load benchmark: N simulated OCPP 1.6J (or, with {@code --protocol ocpp2.0.1}, 2.0.1)
 * chargers with the traffic of real ones (connect, BootNotification, StatusNotification, a
 * transaction each with meter values every 10 s, Heartbeat every 60 s, the transaction's end at
 * the end; in 2.0.1 the transaction's messages are TransactionEvents) against a running PlugHome on this machine. Prints
 * msg/s, round-trip p50/p95/p99 per action, CALLERRORs and timeouts, and the server's RSS and
 * heap; in soak mode ({@code --report-every 60}) the same every minute, to see whether memory
 * grows. Run:
 *
 * <pre>
 * mvn -q test-compile exec:java@load -Dload.args="--url ws://localhost:8080/ocpp --chargers 1000 --seconds 300"
 * </pre>
 *
 * Options: {@code --url}, {@code --chargers} (1000), {@code --seconds} (300), {@code --ramp} chargers
 * connected per second (200), {@code --meter-every} seconds (10), {@code --heartbeat-every} seconds
 * (60), {@code --report-every} seconds (0: only at the end), {@code --warmup} seconds whose messages
 * are left out of the steady-state table (30), {@code --prefix} (LOAD), {@code --pid} of the server
 * (found by its command line otherwise).
 *
 * <p>The reconnect storm ({@code src/bench/storm.sh}): {@code --provision FILE} connects each charger
 * once, has the server generate its secret ({@code POST /api/v1/chargers/{id}/secret} with
 * {@code --token}) and writes {@code id secret} lines to FILE; {@code --secrets FILE} then runs the
 * load with those chargers, each logging in with its secret (HTTP Basic). With {@code --token} the
 * run also asks the API for the charger list every second and reports how it answered meanwhile;
 * every run reports when the last charger connected, booted and had its first reading answered.
 */
public final class LoadBench {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String url;
    private final String prefix;
    private final int meterEvery;
    private final int heartbeatEvery;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    private final Map<String, Stats> byAction = new ConcurrentHashMap<>();
    /** The same, for messages sent after the warm-up (connect storm and JIT done): the steady state. */
    private final Map<String, Stats> steadyByAction = new ConcurrentHashMap<>();
    private volatile long steadyFrom = Long.MAX_VALUE;
    private volatile double steadyCpuFrom;
    private volatile long steadyWallFrom = System.nanoTime();
    private final AtomicLong errors = new AtomicLong();
    /** CALLERRORs by action, code and description. */
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    /** Connections the server asked to come back later (503 with Retry-After), and came back. */
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();
    private final List<Charger> chargers = new ArrayList<>();

    /** Whether the chargers speak OCPP 2.0.1 (TransactionEvent) instead of 1.6. */
    private boolean v201;

    /** An admin token: the API is asked for the charger list every second while the load runs. */
    private String token = "";
    /** Charger ids and their secrets (from {@code --secrets}), in the file's order; empty: no passwords. */
    private final Map<String, String> secrets = new java.util.LinkedHashMap<>();
    private final Stats api = new Stats();
    private final AtomicLong apiFailures = new AtomicLong();
    private volatile long startedAt = System.nanoTime();

    private LoadBench(String url, String prefix, int meterEvery, int heartbeatEvery) {
        this.url = url;
        this.prefix = prefix;
        this.meterEvery = meterEvery;
        this.heartbeatEvery = heartbeatEvery;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>(Map.of("--url", "ws://localhost:8080/ocpp", "--chargers", "1000",
                "--seconds", "300", "--ramp", "200", "--meter-every", "10", "--heartbeat-every", "60",
                "--report-every", "0", "--prefix", "LOAD", "--pid", "", "--warmup", "30"));
        o.put("--protocol", "ocpp1.6");
        o.put("--secrets", "");
        o.put("--provision", "");
        o.put("--token", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + o.keySet());
            }
            o.put(args[i], args[i + 1]);
        }
        LoadBench bench = new LoadBench(o.get("--url"), o.get("--prefix"), Integer.parseInt(o.get("--meter-every")),
                Integer.parseInt(o.get("--heartbeat-every")));
        bench.v201 = o.get("--protocol").contains("2.0.1");
        bench.token = o.get("--token");
        if (!o.get("--provision").isEmpty()) {
            bench.provision(Integer.parseInt(o.get("--chargers")), Path.of(o.get("--provision")));
            System.exit(0);
        }
        if (!o.get("--secrets").isEmpty()) {
            for (String line : Files.readAllLines(Path.of(o.get("--secrets")))) {
                String[] idAndSecret = line.trim().split(" ", 2);
                if (idAndSecret.length == 2) {
                    bench.secrets.put(idAndSecret[0], idAndSecret[1]);
                }
            }
        }
        Optional<Long> pid = (o.get("--pid").isEmpty() ? serverPid() : Optional.of(Long.parseLong(o.get("--pid"))))
                .map(LoadBench::serverJvm);
        int n = bench.secrets.isEmpty() ? Integer.parseInt(o.get("--chargers"))
                : Math.min(Integer.parseInt(o.get("--chargers")), bench.secrets.size());
        int seconds = Integer.parseInt(o.get("--seconds"));
        int every = Integer.parseInt(o.get("--report-every"));
        System.out.printf("PlugHome load: %d %s chargers on %s for %d s (meter values every %d s, Heartbeat every %d s),"
                + " server pid %s, %d cores%n", n, bench.v201 ? "ocpp2.0.1" : "ocpp1.6", o.get("--url"), seconds,
                bench.meterEvery, bench.heartbeatEvery,
                pid.map(String::valueOf).orElse("unknown"), Runtime.getRuntime().availableProcessors());
        System.out.println("before: " + server(pid, o.get("--url")));
        bench.run(n, Integer.parseInt(o.get("--ramp")), seconds, every, pid, Integer.parseInt(o.get("--warmup")));
        System.exit(0);
    }

    private void run(int n, int ramp, int seconds, int reportEvery, Optional<Long> pid, int warmup)
            throws Exception {
        Instant start = Instant.now();
        steadyFrom = System.nanoTime() + warmup * 1_000_000_000L;
        timer.schedule(() -> {
            steadyCpuFrom = cpuSeconds(pid);
            steadyWallFrom = System.nanoTime();
        }, warmup, TimeUnit.SECONDS);
        startedAt = System.nanoTime();
        List<String> ids = new ArrayList<>(secrets.keySet());
        for (int i = 0; i < n; i++) {
            Charger c = ids.isEmpty() ? new Charger(prefix + "-" + i, i, null) : new Charger(ids.get(i), i,
                    secrets.get(ids.get(i)));
            chargers.add(c);
            long delayMs = i * 1000L / Math.max(1, ramp);
            timer.schedule(c::connect, delayMs, TimeUnit.MILLISECONDS);
        }
        timer.scheduleAtFixedRate(this::sweepTimeouts, 5, 5, TimeUnit.SECONDS);
        if (!token.isEmpty()) {
            timer.scheduleAtFixedRate(this::probeApi, 1, 1, TimeUnit.SECONDS);
        }
        Instant end = start.plusSeconds(seconds);
        Map<String, Stats> previous = snapshot();
        Instant lastReport = start;
        while (Instant.now().isBefore(end)) {
            Thread.sleep(1000);
            if (reportEvery > 0 && Duration.between(lastReport, Instant.now()).toSeconds() >= reportEvery) {
                Map<String, Stats> now = snapshot();
                System.out.printf("[%4d s] %d connected, %.0f msg/s, %s%n", Duration.between(start, Instant.now())
                        .toSeconds(), connected.get(), rate(previous, now, Duration.between(lastReport, Instant.now())),
                        server(pid, url));
                previous = now;
                lastReport = Instant.now();
            }
        }
        Duration measured = Duration.between(start, Instant.now());
        Map<String, Stats> steady = snapshot();
        double steadyCpu = cpuSeconds(pid) - steadyCpuFrom;
        double steadyWall = (System.nanoTime() - steadyWallFrom) / 1e9;
        for (Charger c : chargers) {
            c.stop();
        }
        Thread.sleep(5000);
        sweepTimeouts();
        print(measured, steady, pid, steadyCpu, steadyWall);
        chargers.forEach(Charger::close);
        timer.shutdownNow();
    }

    private void print(Duration measured, Map<String, Stats> steady, Optional<Long> pid, double steadyCpu,
            double steadyWall) {
        long total = steady.values().stream().mapToLong(s -> s.count).sum();
        System.out.printf("%nafter %d s: %d chargers connected (%d connect failures, %d times asked to come back"
                + " later), %d messages, %.1f msg/s, %d CALLERRORs, %d timeouts (> %d s)%n", measured.toSeconds(),
                connected.get(), connectFailures.get(), deferred.get(), total, total / (double) Math.max(1, measured.toSeconds()), errors.get(),
                timeouts.get(), TIMEOUT.toSeconds());
        errorKinds.forEach((kind, count) -> System.out.printf("  CALLERROR %d x %s%n", count.get(), kind));
        table("all messages (connect storm included)", byAction);
        table("steady state (sent after the warm-up)", steadyByAction);
        System.out.println("server: " + server(pid, url));
        long steadyMessages = steadyByAction.values().stream().mapToLong(st -> st.count).sum();
        Stats meter = steadyByAction.getOrDefault(v201 ? "TransactionEvent" : "MeterValues", new Stats()).copy();
        String peak = peakRss(pid);
        System.out.printf("server CPU in the steady state: %.1f s over %.0f s (%.0f %% of one core), %.1f ms per"
                + " 1,000 messages (%d answered); peak RSS %s%n", steadyCpu, steadyWall,
                100 * steadyCpu / Math.max(1, steadyWall),
                steadyMessages == 0 ? Double.NaN : 1000 * 1000 * steadyCpu / steadyMessages, steadyMessages, peak);
        storm();
        System.out.printf("SUMMARY %s chargers=%d msg/s=%.0f meter p50/p95/p99=%.2f/%.1f/%.1f ms callerrors=%d"
                + " timeouts=%d connected=%d deferred=%d cpu=%.0f%% cpu-ms/1000msg=%.0f peak-rss=%s%n", prefix,
                chargers.size(),
                steadyMessages / Math.max(1, steadyWall), meter.percentile(50), meter.percentile(95),
                meter.percentile(99), errors.get(), timeouts.get(), connected.get(), deferred.get(),
                100 * steadyCpu / Math.max(1, steadyWall),
                steadyMessages == 0 ? Double.NaN : 1000 * 1000 * steadyCpu / steadyMessages, peak);
    }

    /** The seconds a refused upgrade asked to wait (503 with Retry-After); 0 for any other failure. */
    static int retryAfter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.WebSocketHandshakeException h && h.getResponse().statusCode() == 503) {
                return h.getResponse().headers().firstValue("Retry-After").map(v -> {
                    try {
                        return Math.max(1, Integer.parseInt(v.trim()));
                    } catch (NumberFormatException bad) {
                        return 0;
                    }
                }).orElse(0);
            }
        }
        return 0;
    }

    /** CPU time (user and system) the server's process and its children have used, in seconds. */
    static double cpuSeconds(Optional<Long> pid) {
        if (pid.isEmpty()) {
            return 0;
        }
        return ProcessHandle.of(pid.get()).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                p.descendants()).mapToDouble(LoadBench::cpuOf).sum()).orElse(0.0);
    }

    private static double cpuOf(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The server JVM's peak resident memory (VmHWM). */
    static String peakRss(Optional<Long> pid) {
        return pid.map(p -> {
            try {
                return Files.readAllLines(Path.of("/proc/" + p + "/status")).stream()
                        .filter(l -> l.startsWith("VmHWM:")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MiB").orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }).orElse("?");
    }

    private static void table(String title, Map<String, Stats> stats) {
        System.out.println(title + ":");
        System.out.printf("  %-20s %9s %9s %9s %9s %9s%n", "action", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Stats> e : new TreeMap<>(stats).entrySet()) {
            Stats s = e.getValue().copy();
            System.out.printf("  %-20s %9d %9.1f %9.1f %9.1f %9.1f%n", e.getKey(), s.count, s.percentile(50),
                    s.percentile(95), s.percentile(99), s.percentile(100));
        }
    }

    private Map<String, Stats> snapshot() {
        Map<String, Stats> copy = new TreeMap<>();
        byAction.forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    private static double rate(Map<String, Stats> before, Map<String, Stats> now, Duration over) {
        long a = before.values().stream().mapToLong(s -> s.count).sum();
        long b = now.values().stream().mapToLong(s -> s.count).sum();
        return (b - a) / Math.max(0.001, over.toMillis() / 1000.0);
    }

    private void sweepTimeouts() {
        long limit = System.nanoTime() - TIMEOUT.toNanos();
        for (Charger c : chargers) {
            c.pending.entrySet().removeIf(e -> {
                if (e.getValue().sentAt < limit) {
                    timeouts.incrementAndGet();
                    return true;
                }
                return false;
            });
        }
    }

    /**
     * When the last charger connected, had its BootNotification answered and its first reading
     * answered, counted from the start of the run; and how the API answered meanwhile.
     */
    private void storm() {
        long all = chargers.size();
        long connectedCount = chargers.stream().filter(c -> c.connectedAt > 0).count();
        long booted = chargers.stream().filter(c -> c.bootedAt > 0).count();
        long reporting = chargers.stream().filter(c -> c.reportingAt > 0).count();
        System.out.printf("STORM %s chargers=%d connected=%d last-connected=%.1f s booted=%d last-booted=%.1f s"
                + " reporting=%d last-reporting=%.1f s%n", prefix, all, connectedCount, last(c -> c.connectedAt),
                booted, last(c -> c.bootedAt), reporting, last(c -> c.reportingAt));
        if (!token.isEmpty()) {
            Stats a = api.copy();
            System.out.printf("API %s GET /api/v1/chargers?limit=1 every second: %d answered, %d failed,"
                    + " p50/p99/max %.1f/%.1f/%.1f ms%n", prefix, a.count, apiFailures.get(), a.percentile(50),
                    a.percentile(99), a.percentile(100));
        }
    }

    private double last(java.util.function.ToLongFunction<Charger> at) {
        return chargers.stream().mapToLong(at).max().orElse(0) / 1e9;
    }

    private void probeApi() {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(httpBase() + "/api/v1/chargers?limit=1"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                api.add((System.nanoTime() - sent) / 1000);
            } else {
                apiFailures.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            apiFailures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String httpBase() {
        return url.replaceFirst("^ws", "http").replaceFirst("/ocpp.*$", "");
    }

    /**
     * Registers {@code n} chargers (each connects once without a password, which registers it) and
     * has the server generate a secret for each; writes {@code id secret} lines to {@code file}.
     */
    private void provision(int n, Path file) throws Exception {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("--provision needs --token (an admin token)");
        }
        // first every charger connects once (which registers it), then each gets its secret
        java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(50);
        AtomicLong refused = new AtomicLong();
        for (int i = 0; i < n; i++) {
            parallel.acquire();
            http.newWebSocketBuilder().subprotocols(v201 ? "ocpp2.0.1" : "ocpp1.6").connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(url + "/" + prefix + "-" + i), new WebSocket.Listener() { })
                    .thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "registered"))
                    .whenComplete((ws, e) -> {
                        if (e != null) {
                            refused.incrementAndGet();
                        }
                        parallel.release();
                    });
        }
        parallel.acquire(50);
        parallel.release(50);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            parallel.acquire();
            String id = prefix + "-" + i;
            generateSecret(id, 5).whenComplete((secret, e) -> {
                if (secret != null) {
                    lines.add(id + " " + secret);
                } else {
                    failed.incrementAndGet();
                }
                parallel.release();
                done.countDown();
            });
        }
        done.await(10, TimeUnit.MINUTES);
        Files.write(file, lines);
        System.out.printf("provisioned %d chargers with generated secrets in %s (%d connections refused, %d secrets"
                + " not made)%n", lines.size(), file, refused.get(), failed.get());
    }

    /** The secret the server generates for a charger (null when it would not, after {@code tries}). */
    private java.util.concurrent.CompletableFuture<String> generateSecret(String id, int tries) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(httpBase() + "/api/v1/chargers/" + id + "/secret"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> e == null && r.statusCode() == 201
                        ? Json.createReader(new StringReader(r.body())).readObject().getString("sharedSecret") : null)
                .thenCompose(secret -> secret != null || tries <= 1
                        ? java.util.concurrent.CompletableFuture.completedFuture(secret)
                        : java.util.concurrent.CompletableFuture.supplyAsync(() -> null,
                                java.util.concurrent.CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS))
                                .thenCompose(x -> generateSecret(id, tries - 1)));
    }

    /** Round-trip times of one action, in microseconds (kept whole: a run has at most a few million). */
    private static final class Stats {
        long[] micros = new long[1024];
        int count;

        synchronized void add(long us) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = us;
        }

        synchronized Stats copy() {
            Stats s = new Stats();
            s.micros = Arrays.copyOf(micros, count);
            s.count = count;
            return s;
        }

        double percentile(int p) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(micros, count);
            Arrays.sort(sorted);
            int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
            return sorted[Math.max(0, index)] / 1000.0;
        }
    }

    private record Pending(String action, long sentAt, java.util.concurrent.CompletableFuture<JsonArray> answer,
            boolean reading) {
    }

    /** One simulated charger: its socket, its transaction, its timers. */
    private final class Charger implements WebSocket.Listener {
        final String id;
        final int index;
        final Map<String, Pending> pending = new ConcurrentHashMap<>();
        final AtomicLong nextId = new AtomicLong();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile String transactionId;
        int seqNo;
        volatile long meterWh;
        final List<java.util.concurrent.ScheduledFuture<?>> tasks = new ArrayList<>();

        final String secret;
        /** When it connected, was booted and had its first reading answered (nanos from the start; 0: not yet). */
        volatile long connectedAt;
        volatile long bootedAt;
        volatile long reportingAt;

        Charger(String id, int index, String secret) {
            this.id = id;
            this.index = index;
            this.secret = secret;
            this.meterWh = 1_000_000L + index;
        }

        void connect() {
            WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols(v201 ? "ocpp2.0.1" : "ocpp1.6")
                    .connectTimeout(Duration.ofSeconds(30));
            if (secret != null) {
                builder.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            builder.buildAsync(URI.create(url + "/" + id), this).whenComplete((ws, e) -> {
                        if (e != null) {
                            int wait = retryAfter(e);
                            if (wait > 0) { // as a charger that honours 503 and Retry-After
                                deferred.incrementAndGet();
                                timer.schedule(this::connect, wait, TimeUnit.SECONDS);
                                return;
                            }
                            connectFailures.incrementAndGet();
                            return;
                        }
                        socket = ws;
                        connectedAt = System.nanoTime() - startedAt;
                        connected.incrementAndGet();
                        // as a real charger: each message after the answer to the one before
                        call("BootNotification", v201 ? Json.createObjectBuilder().add("reason", "PowerUp")
                                .add("chargingStation", Json.createObjectBuilder().add("vendorName", "PlugHome")
                                        .add("model", "LoadBench").add("firmwareVersion", "1.0")).build()
                                : Json.createObjectBuilder().add("chargePointVendor", "PlugHome")
                                        .add("chargePointModel", "LoadBench").add("firmwareVersion", "1.0").build())
                                .thenCompose(a -> status("Available"))
                                .thenCompose(a -> status("Charging"))
                                .thenCompose(a -> v201 ? event("Started", "CablePluggedIn", "Transaction.Begin")
                                        : call("StartTransaction", Json.createObjectBuilder()
                                                .add("connectorId", 1).add("idTag", "LOAD-" + index)
                                                .add("meterStart", meterWh).add("timestamp", Instant.now().toString())
                                                .build()))
                                .thenRun(this::schedule);
                    });
        }

        void schedule() {
            long jitter = (index * 997L) % (meterEvery * 1000L);
            synchronized (tasks) {
                tasks.add(timer.scheduleAtFixedRate(this::meter, meterEvery * 1000L + jitter, meterEvery * 1000L,
                        TimeUnit.MILLISECONDS));
                tasks.add(timer.scheduleAtFixedRate(() -> call("Heartbeat", JsonObject.EMPTY_JSON_OBJECT),
                        heartbeatEvery * 1000L + jitter, heartbeatEvery * 1000L, TimeUnit.MILLISECONDS));
            }
        }

        java.util.concurrent.CompletableFuture<JsonArray> status(String status) {
            if (v201) {
                return call("StatusNotification", Json.createObjectBuilder().add("timestamp", Instant.now().toString())
                        .add("connectorStatus", "Charging".equals(status) ? "Occupied" : status).add("evseId", 1)
                        .add("connectorId", 1).build());
            }
            return call("StatusNotification", Json.createObjectBuilder().add("connectorId", 1).add("status", status)
                    .add("errorCode", "NoError").add("timestamp", Instant.now().toString()).build());
        }

        /** The same three readings in each version's words. */
        jakarta.json.JsonArray samples() {
            if (v201) {
                return Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("value", meterWh).add("measurand",
                                "Energy.Active.Import.Register").add("unitOfMeasure", Json.createObjectBuilder()
                                        .add("unit", "Wh")))
                        .add(Json.createObjectBuilder().add("value", 7200).add("measurand", "Power.Active.Import")
                                .add("unitOfMeasure", Json.createObjectBuilder().add("unit", "W")))
                        .add(Json.createObjectBuilder().add("value", 31.3).add("measurand", "Current.Import")
                                .add("phase", "L1").add("unitOfMeasure", Json.createObjectBuilder().add("unit", "A")))
                        .build();
            }
            return Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("value", Long.toString(meterWh))
                            .add("measurand", "Energy.Active.Import.Register").add("unit", "Wh"))
                    .add(Json.createObjectBuilder().add("value", "7200").add("measurand",
                            "Power.Active.Import").add("unit", "W"))
                    .add(Json.createObjectBuilder().add("value", "31.3").add("measurand",
                            "Current.Import").add("unit", "A").add("phase", "L1"))
                    .build();
        }

        /** A 2.0.1 TransactionEvent of this charger's transaction, with the readings. */
        java.util.concurrent.CompletableFuture<JsonArray> event(String type, String trigger, String context) {
            if (transactionId == null) {
                transactionId = id + "-" + Long.toString(System.nanoTime(), 36);
            }
            return call("TransactionEvent", Json.createObjectBuilder().add("eventType", type)
                    .add("timestamp", Instant.now().toString()).add("triggerReason", trigger).add("seqNo", seqNo++)
                    .add("transactionInfo", Json.createObjectBuilder().add("transactionId", transactionId)
                            .add("chargingState", "Ended".equals(type) ? "Idle" : "Charging"))
                    .add("evse", Json.createObjectBuilder().add("id", 1).add("connectorId", 1))
                    .add("idToken", Json.createObjectBuilder().add("idToken", "LOAD-" + index).add("type", "ISO14443"))
                    .add("meterValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("timestamp", Instant.now().toString()).add("sampledValue", samples())))
                    .build(), "Updated".equals(type));
        }

        void meter() {
            if (transactionId == null) {
                return;
            }
            meterWh += 20; // 7.2 kW for 10 s
            if (v201) {
                event("Updated", "MeterValuePeriodic", "Sample.Periodic");
                return;
            }
            call("MeterValues", Json.createObjectBuilder().add("connectorId", 1)
                    .add("transactionId", Long.parseLong(transactionId))
                    .add("meterValue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("timestamp", Instant.now().toString()).add("sampledValue", samples())))
                    .build(), true);
        }

        void stop() {
            synchronized (tasks) {
                tasks.forEach(t -> t.cancel(false));
            }
            if (transactionId != null) {
                if (v201) {
                    event("Ended", "StopAuthorized", "Transaction.End");
                    return;
                }
                call("StopTransaction", Json.createObjectBuilder().add("transactionId", Long.parseLong(transactionId))
                        .add("meterStop", meterWh).add("timestamp", Instant.now().toString()).add("reason", "Local")
                        .build());
            }
        }

        void close() {
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            }
        }

        /**
         * Sends a CALL; the future completes with its answer (never, if it times out). Sends on
         * one socket are serialised: the JDK's WebSocket takes one at a time.
         */
        java.util.concurrent.CompletableFuture<JsonArray> call(String action, JsonObject payload) {
            return call(action, payload, false);
        }

        /** {@code reading}: the periodic meter reading (its first answer is when the charger is reporting). */
        synchronized java.util.concurrent.CompletableFuture<JsonArray> call(String action, JsonObject payload,
                boolean reading) {
            java.util.concurrent.CompletableFuture<JsonArray> answer = new java.util.concurrent.CompletableFuture<>();
            WebSocket ws = socket;
            if (ws == null) {
                return answer;
            }
            String messageId = Long.toString(nextId.incrementAndGet());
            pending.put(messageId, new Pending(action, System.nanoTime(), answer, reading));
            try {
                ws.sendText(Json.createArrayBuilder().add(2).add(messageId).add(action).add(payload).build()
                        .toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                pending.remove(messageId);
                errors.incrementAndGet();
            }
            return answer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                answered(text);
            }
            webSocket.request(1);
            return null;
        }

        private void answered(String text) {
            long now = System.nanoTime();
            JsonArray frame = Json.createReader(new StringReader(text)).readArray();
            int type = frame.getInt(0);
            if (type == 2) { // a server CALL (e.g. a charging profile): refused, the benchmark has no connector logic
                timer.execute(() -> {
                    WebSocket ws = socket;
                    synchronized (this) {
                        ws.sendText(Json.createArrayBuilder().add(4).add(frame.getString(1)).add("NotSupported")
                                .add("load benchmark").add(JsonObject.EMPTY_JSON_OBJECT).build().toString(), true);
                    }
                });
                return;
            }
            Pending p = pending.remove(frame.getString(1));
            if (p == null) {
                return; // answered after its timeout was counted
            }
            byAction.computeIfAbsent(p.action(), a -> new Stats()).add((now - p.sentAt()) / 1000);
            if (p.sentAt() >= steadyFrom) {
                steadyByAction.computeIfAbsent(p.action(), a -> new Stats()).add((now - p.sentAt()) / 1000);
            }
            if (type == 3 && bootedAt == 0 && p.action().equals("BootNotification")) {
                bootedAt = now - startedAt;
            }
            if (type == 3 && reportingAt == 0 && p.reading()) {
                reportingAt = now - startedAt;
            }
            if (type == 4) {
                errors.incrementAndGet();
                errorKinds.computeIfAbsent(p.action() + ": " + frame.getString(2, "?") + " " + frame.getString(3, ""),
                        k -> new AtomicLong()).incrementAndGet();
            } else if (p.action().equals("StartTransaction")) {
                transactionId = Long.toString(frame.getJsonObject(2).getJsonNumber("transactionId").longValue());
            }
            timer.execute(() -> p.answer().complete(frame)); // the next message is not sent on the reader thread
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            connected.decrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            connected.decrementAndGet();
        }
    }

    /** The value of the first sample of a metric in Prometheus text (NaN when absent). */
    static double metric(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(Double.NaN);
    }

    /** The PlugHome server's JVM on this machine, by its command line (Liberty's launcher, or the jar). */
    static Optional<Long> serverPid() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar")
                || c.contains("plughome.jar")).orElse(false)).map(ProcessHandle::pid).findFirst();
    }

    /**
     * The JVM that runs the server: itself, or, when the runnable jar holds jvm.options, the child
     * JVM its launcher starts (Liberty's ws-javaagent on its command line).
     */
    static long serverJvm(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.descendants().filter(d -> d.info().commandLine()
                .map(c -> c.contains("ws-javaagent.jar")).orElse(false)).findFirst()).map(ProcessHandle::pid)
                .orElse(pid);
    }

    /** The server's resident memory (from /proc) and used heap (from its /metrics). */
    static String server(Optional<Long> pid, String wsUrl) {
        String rss = pid.map(p -> {
            try {
                return Files.readAllLines(Path.of("/proc/" + p + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).findFirst().map(l -> l.replaceAll("\\s+", " ")
                                .replace("VmRSS: ", "")).orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }).orElse("?");
        String heap = "?";
        String commits = "";
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(wsUrl.replaceFirst(
                    "^ws", "http").replaceFirst("/ocpp.*$", "") + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            heap = String.format("%.0f MB", metric(metrics, "memory_usedHeap_bytes") / 1e6);
            double groups = metric(metrics, "plughome_group_commits");
            if (groups > 0) {
                commits = String.format(", %.0f group commits (%.1f answers each, %.2f ms each)", groups,
                        metric(metrics, "plughome_group_commit_waiters") / groups,
                        metric(metrics, "plughome_group_commit_seconds") * 1000 / groups);
            }
            double shared = metric(metrics, "plughome_shared_transactions");
            if (shared > 0) {
                commits += String.format(", %.0f shared transactions (%.1f frames each, %.0f stored again alone)",
                        shared, metric(metrics, "plughome_shared_transaction_frames") / shared,
                        metric(metrics, "plughome_shared_transaction_frames_alone"));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // not reachable: leave it unknown
        }
        return "RSS " + rss + ", heap used " + heap + commits;
    }
}
