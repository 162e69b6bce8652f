package io.plughome.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback, for tests: it keeps every POST (headers and raw body) and
 * answers with the status codes it is told, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as received. */
    public record Received(String event, String delivery, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final java.util.List<Received> kept = new java.util.ArrayList<>();

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer status = answers.poll();
            int code = status == null ? 200 : status;
            Map<String, java.util.List<String>> h = exchange.getRequestHeaders();
            received.add(new Received(first(h, "X-plughome-event"), first(h, "X-plughome-delivery"),
                    first(h, "X-plughome-signature"), new String(body, StandardCharsets.UTF_8), code));
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    private static String first(Map<String, java.util.List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> e.getValue().get(0)).orElse(null);
    }

    /** A receiver on a free port, or on the given one (0: any). */
    public static WebhookReceiver start(int port) {
        return new WebhookReceiver(port);
    }

    /** The receiver's URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next answers to give, in order; after them, 200. */
    public void answer(Integer... statuses) {
        answers.addAll(java.util.List.of(statuses));
    }

    /**
     * The first POST not yet taken that passes the check, waiting for it up to {@code wait}; POSTs
     * that do not pass stay for later calls (deliveries may arrive in any order).
     */
    public Received await(Predicate<Received> check, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                synchronized (kept) {
                    received.drainTo(kept);
                    for (java.util.Iterator<Received> it = kept.iterator(); it.hasNext();) {
                        Received r = it.next();
                        if (check.test(r)) {
                            it.remove();
                            return r;
                        }
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No webhook POST like that within " + wait);
                }
                Received next = received.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (next != null) {
                    synchronized (kept) {
                        kept.add(next);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What arrived in the given time, none of which passes the check (null when that holds). */
    public Received none(Predicate<Received> check, Duration wait) {
        try {
            return await(check, wait);
        } catch (AssertionError expected) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
