package io.plughome.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timers one per connection or per call needs: a call's timeout, the boot check of a new
 * connection, a settling delay. Liberty's managed scheduled executor looks at every pending task
 * each time one is scheduled ({@code ManagedScheduledExecutorServiceImpl.purgeFutures}); with a
 * timer per connection, 10,000 chargers connecting made scheduling alone an eighth of the server's
 * CPU (docs/performance.md, "The connect storm"). These timers live in a JDK
 * {@link ScheduledThreadPoolExecutor} instead (a heap: scheduling and cancelling cost log n), whose
 * one thread comes from the container's {@link ManagedThreadFactory}; when a timer fires, its task
 * is handed to the container's {@link ManagedExecutorService}, so it runs with the application's
 * context on the same threads as before and a slow task never holds up the other timers.
 */
@ApplicationScoped
public class Timers {

    private static final Logger LOG = Logger.getLogger(Timers.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService work;

    private HandOff executor;

    @PostConstruct
    void start() {
        executor = new HandOff(threads, work);
    }

    /** Runs {@code task} on a managed thread after {@code delay}; cancelling the future forgets it. */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor.schedule(task, delay, unit);
    }

    /** The same timers as a {@link ScheduledExecutorService}, for code that takes one. */
    public ScheduledExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A scheduled executor whose delayed tasks run on the managed executor when they are due. */
    static final class HandOff extends ScheduledThreadPoolExecutor {

        private final Executor work;

        HandOff(ThreadFactory threads, Executor work) {
            super(1, threads);
            this.work = work;
            setRemoveOnCancelPolicy(true);
            setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return super.schedule(() -> {
                try {
                    work.execute(command);
                } catch (RuntimeException e) {
                    // shutting down: the managed executor refuses new work
                    LOG.log(Level.FINE, "A timer fired while the server was stopping", e);
                }
            }, delay, unit);
        }
    }
}
