package io.plughome.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The timers' executor: due tasks go to the work executor, a cancelled one is forgotten at once. */
class TimersTest {

    @Test
    void dueTasksRunOnTheWorkExecutorNotTheTimerThread() throws Exception {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        Executor work = task -> new Thread(task, "work").start();
        Timers.HandOff timers = new Timers.HandOff(task -> new Thread(task, "timer"), work);
        try {
            for (int i = 0; i < 2; i++) {
                timers.schedule(() -> {
                    ranOn.add(Thread.currentThread().getName());
                    ran.countDown();
                }, 10, TimeUnit.MILLISECONDS);
            }
            assertTrue(ran.await(30, TimeUnit.SECONDS));
            assertEquals(List.of("work", "work"), ranOn);
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void aCancelledTimerLeavesTheQueueAndNeverRuns() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Timers.HandOff timers = new Timers.HandOff(Thread::new, Runnable::run);
        try {
            ScheduledFuture<?> late = timers.schedule(() -> ran.add("late"), 1, TimeUnit.HOURS);
            assertEquals(1, timers.getQueue().size());
            assertTrue(late.cancel(false));
            assertEquals(0, timers.getQueue().size(), "removed on cancel, not kept until it is due");
            CountDownLatch soon = new CountDownLatch(1);
            timers.schedule(soon::countDown, 1, TimeUnit.MILLISECONDS);
            assertTrue(soon.await(30, TimeUnit.SECONDS));
            assertFalse(ran.contains("late"));
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void aTimerRefusedByAStoppingWorkExecutorDoesNotStopTheOthers() throws Exception {
        java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        Executor refusing = task -> {
            offered.incrementAndGet();
            twice.countDown();
            throw new java.util.concurrent.RejectedExecutionException("stopping");
        };
        Timers.HandOff timers = new Timers.HandOff(Thread::new, refusing);
        try {
            timers.schedule(() -> { }, 1, TimeUnit.MILLISECONDS);
            timers.schedule(() -> { }, 50, TimeUnit.MILLISECONDS);
            assertTrue(twice.await(30, TimeUnit.SECONDS), "the second timer fired after the first was refused");
            assertEquals(2, offered.get());
        } finally {
            timers.shutdownNow();
        }
    }
}
