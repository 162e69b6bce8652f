package io.plughome.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers for the requests that a charger's later messages refer back to (2.0.1 remoteStartId,
 * the requestId of a log upload or a firmware update). Seeded from the clock, so a restarted
 * server does not hand out the numbers of the requests chargers still report on.
 */
@ApplicationScoped
public class RequestIds {

    private final AtomicInteger next = new AtomicInteger((int) ((System.currentTimeMillis() / 1000) % 1_000_000_000));

    public int next() {
        return next.updateAndGet(n -> n == Integer.MAX_VALUE ? 1 : n + 1);
    }
}
