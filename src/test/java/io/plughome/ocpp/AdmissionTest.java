package io.plughome.ocpp;

import static io.plughome.testsupport.DomainDatabase.inject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Who is let in while many chargers arrive at once, and who is asked to come back later. */
class AdmissionTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger backlog = new AtomicInteger();

    private Admission admission(int maxArriving) {
        FrameBatcher batcher = new FrameBatcher() {
            @Override
            public int backlog() {
                return backlog.get();
            }
        };
        Admission admission = inject(inject(new Admission(), "config", inject(new OcppConfig(), "maxArriving",
                maxArriving)), "batcher", batcher);
        admission.nanos = now::get;
        return admission;
    }

    private static void assertDeferred(int seconds) {
        assertTrue(seconds >= Admission.RETRY_MIN_SECONDS && seconds <= Admission.RETRY_MAX_SECONDS,
                "asked to come back in " + seconds + " s");
    }

    @Test
    void beyondTheChargersArrivingAtOnceTheNextComesBackLaterAndABootFreesAPlace() {
        Admission admission = admission(2);
        assertEquals(0, admission.retryAfter("A"));
        assertEquals(0, admission.retryAfter("B"));
        assertDeferred(admission.retryAfter("C"));
        assertDeferred(admission.retryAfter("C"));
        assertEquals(2, admission.deferred());

        admission.arrived("A"); // its BootNotification answered
        assertEquals(0, admission.retryAfter("C"));
        assertDeferred(admission.retryAfter("D"));
        admission.arrived("B"); // its connection closed before it booted
        assertEquals(0, admission.retryAfter("D"));
        assertEquals(2, admission.arriving());
    }

    @Test
    void aConnectionThatNeverBootsHoldsItsPlaceOnlyForAWhile() {
        Admission admission = admission(1);
        assertEquals(0, admission.retryAfter("SILENT"));
        now.addAndGet(Admission.ARRIVAL_SECONDS * 1_000_000_000L);
        assertDeferred(admission.retryAfter("NEXT"));
        now.addAndGet(1_000_000L);
        assertEquals(0, admission.retryAfter("NEXT"), "past the arrival time the silent one counts no more");
    }

    @Test
    void whileStoredReportsAreBehindNobodyNewIsLetIn() {
        Admission admission = admission(100);
        backlog.set(Admission.BACKLOG_LIMIT + 1);
        assertDeferred(admission.retryAfter("A"));
        assertEquals(0, admission.arriving());
        backlog.set(Admission.BACKLOG_LIMIT);
        assertEquals(0, admission.retryAfter("A"));
    }

    @Test
    void theLogSaysOnceAMinuteHowManyWereAskedToComeBackAndWhy() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Admission.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            Admission admission = admission(1);
            admission.retryAfter("IN");
            admission.retryAfter("A");
            admission.retryAfter("B");
            admission.retryAfter("C");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("1 charger connection(s) asked to come back later"), lines.get(0));
            assertTrue(lines.get(0).contains("PLUGHOME_MAX_ARRIVING"), lines.get(0));
            now.addAndGet(Admission.LOG_EVERY_NANOS);
            admission.arrived("IN");
            backlog.set(Admission.BACKLOG_LIMIT + 5);
            admission.retryAfter("D");
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(1).startsWith("3 charger connection(s)"), "B, C and D: " + lines.get(1));
            assertTrue(lines.get(1).contains(Admission.BACKLOG_LIMIT + 5 + " reports"), lines.get(1));
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void retriesAreSpreadOverTheWindowNotAllInOneSecond() {
        Admission admission = admission(1);
        admission.retryAfter("FIRST");
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            int s = admission.retryAfter("X-" + i);
            assertDeferred(s);
            seen.add(s);
        }
        assertTrue(seen.size() > 10, "spread: " + seen);
    }
}
