package io.plughome.api.v1;

import io.plughome.platform.DomainEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events for dashboards over server-sent events. Every {@link DomainEvent} is sent, once
 * what it reports is committed, to each subscriber whose filters it passes, as
 * {@code event: <type>}, {@code id: <uuid>} and {@code data: {"id","event","at","chargerId","data"}}
 * (the envelope webhooks use). Sends run on one managed thread, in order, so a slow client
 * never holds up a charger's WebSocket; a client that went away is dropped at its next send or
 * at the keep-alive comment sent every 25 s.
 */
@ApplicationScoped
public class EventStream {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final long KEEP_ALIVE_SECONDS = 25;

    /** One listening client (of the token {@code owner}) and what it wants. */
    record Subscriber(SseEventSink sink, Sse sse, String owner, String chargerId, Set<String> types) {
        boolean wants(DomainEvent event) {
            return (chargerId == null || chargerId.equals(event.chargerId()))
                    && (types.isEmpty() || types.contains(event.type()));
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile SerialExecutor serial;
    private ScheduledFuture<?> keepAlive;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "plughome.events.streams.per.token", defaultValue = "10")
    int perToken;

    @Inject
    @ConfigProperty(name = "plughome.events.streams.max", defaultValue = "100")
    int total;

    /** Why a new stream is refused: too many of its token's, or too many in all. */
    static final class TooManyStreams extends Exception {

        private static final long serialVersionUID = 1L;

        TooManyStreams(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Adds a listening client, unless its token has {@code PLUGHOME_EVENTS_STREAMS_PER_TOKEN}
     * streams open already, or all tokens together {@code PLUGHOME_EVENTS_STREAMS_MAX}.
     */
    void subscribe(Subscriber subscriber) throws TooManyStreams {
        if (count(subscriber.owner()) >= perToken || subscribers.size() >= total) {
            dropDeparted();
        }
        synchronized (this) {
            subscribers.removeIf(s -> s.sink().isClosed());
            long mine = count(subscriber.owner());
            if (mine >= perToken) {
                throw new TooManyStreams("The token '" + subscriber.owner() + "' has " + mine + " event streams open"
                        + " (PLUGHOME_EVENTS_STREAMS_PER_TOKEN); close one first");
            }
            if (subscribers.size() >= total) {
                throw new TooManyStreams("The server has " + subscribers.size() + " event streams open"
                        + " (PLUGHOME_EVENTS_STREAMS_MAX); try again later");
            }
            if (serial == null) {
                serial = new SerialExecutor(executor);
                keepAlive = executor.scheduleAtFixedRate(() -> serial.execute(this::keepAlive), KEEP_ALIVE_SECONDS,
                        KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
            }
            // Added only once the sender exists: on() may see the subscriber as soon as it is in the list.
            subscribers.add(subscriber);
        }
        serial.execute(() -> send(subscriber, subscriber.sse().newEventBuilder().comment("PlugHome events").build()));
    }

    private long count(String owner) {
        return subscribers.stream().filter(s -> s.owner().equals(owner)).count();
    }

    /**
     * Finds the clients that went away without a word (a reloaded dashboard) before a limit
     * refuses a new stream: a comment sent twice fails on a closed connection and drops it.
     */
    private void dropDeparted() {
        SerialExecutor sender = serial;
        if (sender == null) {
            return;
        }
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        sender.execute(() -> {
            for (int round = 0; round < 2; round++) {
                for (Subscriber s : subscribers) {
                    send(s, s.sse().newEventBuilder().comment("are you there").build());
                }
            }
            done.complete(null);
        });
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.FINE, "Looking for departed event clients took too long", e);
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Every domain event, after its transaction committed (at once when there was none). */
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        String data = io.plughome.platform.EventEnvelope.json(id, event);
        serial.execute(() -> {
            for (Subscriber subscriber : subscribers) {
                if (subscriber.wants(event)) {
                    send(subscriber, subscriber.sse().newEventBuilder().name(event.type()).id(id)
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
                }
            }
        });
    }

    private void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, subscriber.sse().newEventBuilder().comment("keep-alive").build());
        }
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        try {
            subscriber.sink().send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.FINE, "An event client went away", e);
            subscribers.remove(subscriber);
            try {
                subscriber.sink().close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        subscribers.forEach(s -> {
            try {
                s.sink().close();
            } catch (RuntimeException ignored) {
                // shutting down
            }
        });
    }

    /** Runs tasks one after the other, in order, on a managed executor. */
    static final class SerialExecutor {
        private final java.util.concurrent.Executor executor;
        private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        private boolean running;

        SerialExecutor(java.util.concurrent.Executor executor) {
            this.executor = executor;
        }

        synchronized void execute(Runnable task) {
            tasks.add(task);
            if (!running) {
                running = true;
                executor.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Sending an event failed", e);
                }
            }
        }
    }
}
