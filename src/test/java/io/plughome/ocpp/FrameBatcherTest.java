package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared transactions of reporting frames: frames queued while a transaction runs share the
 * next, each gets its own answer, a failed shared transaction stores each frame alone, and a full
 * queue stores on the receiving thread. The dispatcher is a stand-in that records what it was
 * asked; what a shared transaction stores on a real server is covered by the OCPP and durability
 * tests, which all go through it.
 */
class FrameBatcherTest {

    private static final JsonObject EMPTY = Json.createObjectBuilder().build();

    /** The storers' threads; the Errors a test throws on purpose end them quietly. */
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task);
        thread.setUncaughtExceptionHandler((t, e) -> {
        });
        return thread;
    });
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Integer> sharedSizes = new CopyOnWriteArrayList<>();
    private final List<String> alone = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final List<String> threadsAlone = new CopyOnWriteArrayList<>();

    /** A dispatcher that answers each CALL with its message id; a batch holding "bad" fails. */
    private final CallDispatcher dispatcher = new CallDispatcher() {
        @Override
        public Optional<List<Frame>> answerTogether(List<Received> received) {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                gate.await(30, TimeUnit.SECONDS);
                sharedSizes.add(received.size());
                if (received.stream().anyMatch(r -> r.call().messageId().startsWith("boom"))) {
                    throw new AssertionError("an Error, not an exception");
                }
                if (received.stream().anyMatch(r -> r.call().messageId().startsWith("bad"))) {
                    return Optional.empty();
                }
                List<Frame> answers = new ArrayList<>();
                received.forEach(r -> answers.add(new Frame.CallResult(r.call().messageId(), EMPTY)));
                return Optional.of(answers);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public Frame answer(ChargerConnection connection, Frame.Call call) {
            if (call.messageId().startsWith("boom")) {
                throw new AssertionError("an Error, not an exception");
            }
            alone.add(call.messageId());
            threadsAlone.add(Thread.currentThread().getName());
            return call.messageId().startsWith("bad")
                    ? new Frame.CallError(call.messageId(), "InternalError", "failed", null)
                    : new Frame.CallResult(call.messageId(), EMPTY);
        }

        @Override
        public Frame notStored(Received received) {
            return new Frame.CallError(received.call().messageId(), "InternalError", "not stored", null);
        }
    };

    private final FrameBatcher batcher = new FrameBatcher() {
        @Override
        java.util.concurrent.Executor storerThreads() {
            return threads;
        }
    };

    {
        batcher.dispatcher = dispatcher;
    }

    @AfterEach
    void stop() {
        gate.countDown();
        threads.shutdownNow();
    }

    private CompletableFuture<Frame> store(String messageId) {
        return batcher.store(null, new Frame.Call(messageId, "MeterValues", EMPTY));
    }

    @Test
    void framesQueuedMeanwhileShareTransactionsAndEachGetsItsOwnAnswer() throws Exception {
        List<CompletableFuture<Frame>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(store("m" + i));
        }
        gate.countDown();
        for (int i = 0; i < 500; i++) {
            Frame answer = answers.get(i).get(30, TimeUnit.SECONDS);
            assertEquals("m" + i, assertInstanceOf(Frame.CallResult.class, answer).messageId());
        }
        assertEquals(500, sharedSizes.stream().mapToInt(Integer::intValue).sum() + alone.size());
        assertTrue(sharedSizes.size() < 50, "500 frames in " + sharedSizes.size() + " shared transactions");
        assertTrue(sharedSizes.stream().allMatch(n -> n <= FrameBatcher.MAX_FRAMES), sharedSizes.toString());
        assertTrue(mostRunning.get() <= Math.max(2, Runtime.getRuntime().availableProcessors()),
                mostRunning.get() + " storers at once");
        FrameBatcher.Figures figures = batcher.figures();
        assertEquals(500, figures.frames());
        assertEquals(0, figures.storedAlone());
    }

    @Test
    void aFailedSharedTransactionStoresEachOfItsFramesAlone() throws Exception {
        List<CompletableFuture<Frame>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(store(i == 37 ? "bad37" : "m" + i));
        }
        gate.countDown();
        for (int i = 0; i < 100; i++) {
            Frame answer = answers.get(i).get(30, TimeUnit.SECONDS);
            if (i == 37) {
                assertEquals("bad37", assertInstanceOf(Frame.CallError.class, answer).messageId());
            } else {
                assertEquals("m" + i, assertInstanceOf(Frame.CallResult.class, answer).messageId());
            }
        }
        assertTrue(alone.contains("bad37"), alone.toString());
        long again = batcher.figures().storedAlone();
        assertTrue(again > 1 && again <= FrameBatcher.MAX_FRAMES,
                "the failed transaction's frames, and only those, stored again alone: " + again);
    }

    @Test
    void aFullQueueStoresTheFrameOnTheThreadThatReceivedIt() throws Exception {
        batcher.maxQueued = 10;
        List<CompletableFuture<Frame>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(store("m" + i));
        }
        assertTrue(threadsAlone.contains(Thread.currentThread().getName()), "nothing was stored by the receiving"
                + " thread: " + threadsAlone);
        gate.countDown();
        for (int i = 0; i < 300; i++) {
            assertEquals("m" + i, answers.get(i).get(30, TimeUnit.SECONDS) instanceof Frame.CallResult r
                    ? r.messageId() : null);
        }
    }

    @Test
    void anErrorWhileStoringAnswersEveryFrameOfItAndLeavesNoStorerStranded() throws Exception {
        gate.countDown();
        int storers = 2 * Math.max(2, Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < storers; round++) {
            // alone (a batch of one) and together: each ends its storer with an Error
            Frame answer = store("boom" + round).get(30, TimeUnit.SECONDS);
            assertEquals("boom" + round, assertInstanceOf(Frame.CallError.class, answer).messageId());
        }
        List<CompletableFuture<Frame>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(store(i == 100 ? "boom-late" : "m" + i));
        }
        for (int i = 0; i < 200; i++) {
            Frame answer = answers.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(i == 100 ? "boom-late" : "m" + i, answer instanceof Frame.CallResult r ? r.messageId()
                    : ((Frame.CallError) answer).messageId());
        }
        assertEquals("m199", assertInstanceOf(Frame.CallResult.class, store("m199").get(30, TimeUnit.SECONDS))
                .messageId(), "storers still run after all those Errors");
    }
}
