package io.plughome.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * One charger frame, one transaction: whatever the handler's use cases store, and the deviations
 * counted for the frame, commit together once, and the group commit then makes that one commit
 * durable. The use cases join it (they are {@code @Transactional} themselves, for their other
 * callers). A handler's {@link OcppException} (the charger's mistake, answered with a CALLERROR)
 * commits what was stored before it; any other exception rolls the frame back.
 */
@ApplicationScoped
public class FrameTransaction {

    /** Work on a frame that may end in a CALLERROR. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws OcppException;
    }

    @Transactional
    public <T> T run(Work<T> work) throws OcppException {
        return work.run();
    }
}
