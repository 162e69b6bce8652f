package io.plughome.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputChecksTest {

    @Test
    void depthCountsObjectsAndArraysButNotBracketsInStrings() {
        assertEquals(0, InputChecks.depth("42"));
        assertEquals(1, InputChecks.depth("{\"a\":1}"));
        assertEquals(3, InputChecks.depth("{\"a\":[{\"b\":2}],\"c\":[]}"));
        assertEquals(1, InputChecks.depth("{\"a\":\"[[[[{{{{\"}"));
        assertEquals(1, InputChecks.depth("{\"a\":\"\\\"[[[[\"}"), "an escaped quote does not end the string");
        assertEquals(100_000, InputChecks.depth("[".repeat(100_000) + "]".repeat(100_000)));
    }
}
