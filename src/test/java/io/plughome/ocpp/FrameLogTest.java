package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FrameLogTest {

    private static FrameLog log() {
        FrameLog log = new FrameLog();
        log.clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
        return log;
    }

    @Test
    void keepsTheLastFramesOfChargersItIsOnForOnly() {
        FrameLog log = log();
        log.in("CP1", "[2,\"1\",\"Heartbeat\",{}]");
        assertTrue(log.of("CP1").isEmpty(), "off until switched on");
        log.enable("CP1", 2);
        log.in("CP1", "a");
        log.out("CP1", "b");
        log.in("CP1", "c");
        log.in("CP2", "other");
        FrameLog.View view = log.of("CP1").orElseThrow();
        assertEquals(2, view.size());
        assertEquals("b", view.entries().get(0).text());
        assertEquals("out", view.entries().get(0).direction());
        assertEquals("c", view.entries().get(1).text());
        assertTrue(log.of("CP2").isEmpty());
        log.disable("CP1");
        assertTrue(log.of("CP1").isEmpty());
    }

    @Test
    void secretsAreMaskedAndHugeFramesCut() {
        String change = "[2,\"7\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"s3cret-s3cret\"}]";
        String masked = FrameLog.mask(change);
        assertFalse(masked.contains("s3cret"), masked);
        assertTrue(masked.contains("ChangeConfiguration"));
        String read = "[3,\"8\",{\"configurationKey\":[{\"key\":\"AuthorizationKey\",\"value\":\"s3cret\"}]}]";
        assertFalse(FrameLog.mask(read).contains("s3cret"));
        assertFalse(FrameLog.mask("not json BasicAuthPassword=x").contains("=x"));
        assertEquals("[2,\"1\",\"Heartbeat\",{}]", FrameLog.mask("[2,\"1\",\"Heartbeat\",{}]"));

        FrameLog log = log();
        log.enable("CP1", 5);
        log.in("CP1", "x".repeat(FrameLog.MAX_FRAME_CHARS + 10));
        FrameLog.Entry entry = log.of("CP1").orElseThrow().entries().get(0);
        assertTrue(entry.truncated());
        assertEquals(FrameLog.MAX_FRAME_CHARS, entry.text().length());
    }
}
