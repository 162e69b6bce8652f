package io.plughome.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent events client for tests: reads the stream line by line into whole events. */
public final class SseClient implements AutoCloseable {

    /** One event: its name, id and JSON data. */
    public record Event(String name, String id, JsonObject data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseClient(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + pathAndQuery))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            if (r.statusCode() != 200) {
                opened.completeExceptionally(new AssertionError("Event stream answered " + r.statusCode()));
                return;
            }
            lines = r.body();
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Opens the stream and waits until the server has registered it (its first comment). */
    public static SseClient open(String pathAndQuery, String token) {
        SseClient client = new SseClient(pathAndQuery, token);
        try {
            client.opened.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Event stream did not open: " + e, e);
        }
        return client;
    }

    /** The HTTP status of a stream that does not open. */
    public static int statusOf(String pathAndQuery, String token) {
        SseClient client = new SseClient(pathAndQuery, token);
        try {
            return client.response.get(20, TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            client.close();
        }
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.startsWith(":")) {
                opened.complete(null);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            } else if (line.isEmpty() && data.length() > 0) {
                events.add(new Event(name, id, Json.createReader(new StringReader(data.toString())).readObject()));
                name = null;
                id = null;
                data.setLength(0);
            }
        }
    }

    /** The first event (skipping others) that matches, or an AssertionError after the timeout. */
    public Event await(Predicate<Event> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(deadline)) {
                Event next = events.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
                if (next != null && wanted.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No matching event within " + timeout);
    }

    /** Any event received within the wait, or null. */
    public Event poll(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        if (lines != null) {
            lines.close();
        }
    }
}
