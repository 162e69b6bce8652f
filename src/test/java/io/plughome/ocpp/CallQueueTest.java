package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.control.CommandFailure;
import io.plughome.control.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The correlation of server-initiated calls: order, one in flight, answers, timeouts, close. */
class CallQueueTest {

    private static final JsonObject EMPTY = Json.createObjectBuilder().build();

    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CallQueue queue = new CallQueue("CP1", wire::add, scheduler, Clock.systemUTC());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private JsonArray sent(int index) {
        return Json.createReader(new StringReader(wire.get(index))).readArray();
    }

    private static CommandFailure failure(CompletableFuture<Frame> call) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> call.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(CommandFailure.class, e.getCause());
    }

    @Test
    void oneCallIsInFlightAndTheNextGoesWhenItIsAnswered() throws Exception {
        CompletableFuture<Frame> first = queue.submit("Reset", EMPTY, Duration.ofSeconds(30));
        CompletableFuture<Frame> second = queue.submit("UnlockConnector", EMPTY, Duration.ofSeconds(30));
        assertEquals(1, wire.size());
        assertEquals("Reset", sent(0).getString(2));
        assertEquals(2, queue.size());

        Frame.CallResult answer = new Frame.CallResult(sent(0).getString(1), EMPTY);
        queue.answered(answer);
        assertSame(answer, first.get(1, TimeUnit.SECONDS));
        assertEquals(2, wire.size());
        assertEquals("UnlockConnector", sent(1).getString(2));
        assertFalse(second.isDone());

        Frame.CallError error = new Frame.CallError(sent(1).getString(1), "NotSupported", "no", null);
        queue.answered(error);
        assertSame(error, second.get(1, TimeUnit.SECONDS));
        assertEquals(0, queue.size());
    }

    @Test
    void anAnswerToAnotherMessageIdIsDropped() {
        CompletableFuture<Frame> call = queue.submit("Reset", EMPTY, Duration.ofSeconds(30));
        queue.answered(new Frame.CallResult("not-the-id", EMPTY));
        assertFalse(call.isDone());
    }

    @Test
    void anUnansweredCallTimesOutAndTheNextIsSent() {
        CompletableFuture<Frame> first = queue.submit("Reset", EMPTY, Duration.ofMillis(200));
        CompletableFuture<Frame> second = queue.submit("Reset", EMPTY, Duration.ofSeconds(30));
        CommandFailure timeout = failure(first);
        assertEquals(Outcome.TIMEOUT, timeout.outcome());
        assertEquals(2, wire.size());
        queue.answered(new Frame.CallResult(sent(0).getString(1), EMPTY)); // late: dropped
        assertFalse(second.isDone());
    }

    @Test
    void aCallThatWaitedLongerThanItsTimeoutIsNotSent() {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        io.plughome.testsupport.MovingClock clock = new io.plughome.testsupport.MovingClock(start);
        CallQueue timed = new CallQueue("CP1", wire::add, scheduler, clock);
        CompletableFuture<Frame> first = timed.submit("Reset", EMPTY, Duration.ofSeconds(30));
        CompletableFuture<Frame> waiting = timed.submit("Reset", EMPTY, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(10));
        timed.answered(new Frame.CallResult(sent(0).getString(1), EMPTY));
        assertTrue(first.isDone());
        CommandFailure failure = failure(waiting);
        assertEquals(Outcome.TIMEOUT, failure.outcome());
        assertTrue(failure.getMessage().contains("not sent"));
        assertEquals(1, wire.size(), "a call that waited too long went on the wire");
    }

    @Test
    void aClosedSocketFailsEveryPendingCallAtOnce() {
        CompletableFuture<Frame> inFlight = queue.submit("Reset", EMPTY, Duration.ofSeconds(30));
        CompletableFuture<Frame> waiting = queue.submit("Reset", EMPTY, Duration.ofSeconds(30));
        queue.close();
        assertEquals("ChargerDisconnected", failure(inFlight).error());
        assertEquals(Outcome.OFFLINE, failure(waiting).outcome());
        assertEquals(Outcome.OFFLINE, failure(queue.submit("Reset", EMPTY, Duration.ofSeconds(30))).outcome());
        assertEquals(1, wire.size());
    }

    @Test
    void aCallThatCannotBeWrittenFailsAndTheNextIsTried() {
        List<String> written = new CopyOnWriteArrayList<>();
        boolean[] up = {false};
        CallQueue flaky = new CallQueue("CP1", text -> up[0] && written.add(text), scheduler, Clock.systemUTC());
        CompletableFuture<Frame> lost = flaky.submit("Reset", EMPTY, Duration.ofSeconds(30));
        assertEquals("ChargerDisconnected", failure(lost).error());
        up[0] = true;
        flaky.submit("Reset", EMPTY, Duration.ofSeconds(30));
        assertEquals(1, written.size());
    }
}
