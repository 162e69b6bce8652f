package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which upgrade paths name a charger, and which one: the two documented forms, exactly. */
class OcppPathTest {

    private static OcppPath.Parsed parse(String rawPath) {
        return OcppPath.parse(rawPath, "");
    }

    @Test
    void theTwoFormsNameTheirDecodedSegment() {
        assertEquals("victim", parse("/ocpp/victim").chargerId());
        assertEquals("victim", parse("/victim").chargerId());
        assertEquals("victim", parse("/ocpp/%76ictim").chargerId(), "an escaped letter is that letter");
        assertEquals("Garage 1", parse("/ocpp/Garage%201").chargerId());
        assertEquals("a+b", parse("/ocpp/a+b").chargerId(), "'+' in a path is a plus, not a space");
        assertEquals("Garáž-1", parse("/ocpp/Gar%C3%A1%C5%BE-1").chargerId());
        assertEquals("Garáž-1", parse("/ocpp/Gar\u00c3\u00a1\u00c5\u00be-1").chargerId(),
                "UTF-8 bytes sent unescaped arrive as ISO-8859-1 characters");
        assertEquals("Ladestation 🚗", parse("/ocpp/Ladestation%20%F0%9F%9A%97").chargerId());
        assertEquals("a;b", parse("/ocpp/a%3Bb").chargerId(), "an escaped ';' is part of the id");
        assertEquals("ocpp", parse("/ocpp").chargerId(), "the root form of a charger called ocpp");
        assertEquals("x", OcppPath.parse("/plughome/ocpp/x", "/plughome").chargerId());
    }

    @Test
    void everyOtherShapeIsRefused() {
        for (String path : new String[] {"/ocpp//victim", "/ocpp/./victim", "/ocpp/x/../victim", "//ocpp/victim",
            "/ocpp/victim/", "/x/../victim", "/ocpp/victim;x=1", "/ocpp/victim;", "/ocpp%2Fvictim",
            "/ocpp/%2E/victim", "/ocpp/a%2Fvictim", "/ocpp/a%2fvictim", "/ocpp/a%5Cvictim", "/ocpp/a\\victim",
            "/ocpp/.", "/ocpp/..", "/ocpp/%2E", "/ocpp/%2e%2E", "/.", "/..", "/", "", "/ocpp/", "//", "/ocpp/a/b",
            "/OCPP/victim", "ocpp/victim", "/ocpp/%", "/ocpp/%4", "/ocpp/%zz", "/ocpp/%C3", "/ocpp/%ED%A0%80",
            "/ocpp/%C0%AF", "/ocpp/%FF", "/ocpp/%\u0661\u0661"}) {
            OcppPath.Parsed parsed = parse(path);
            assertFalse(parsed.ok(), path + " was read as " + parsed.chargerId());
            assertNull(parsed.chargerId());
            assertEquals("InvalidPath", parsed.error(), path);
            assertFalse(parsed.reason().isBlank());
        }
        assertFalse(OcppPath.parse("/other/ocpp/x", "/plughome").ok(), "outside the context");
    }

    @Test
    void lookAlikeIdsAreRefusedWithTheirOwnReason() {
        for (String path : new String[] {"/ocpp/victim%20", "/ocpp/%20victim", "/ocpp/victim%09",
            "/ocpp/vic%E2%80%8Btim", "/ocpp/victim%E2%80%8B", "/ocpp/%EF%BB%BFvictim", "/ocpp/vic%00tim",
            "/ocpp/vic%0Atim", "/ocpp/vic%E2%80%AEtim", "/ocpp/victim%C2%A0", "/ocpp/vic%E2%80%A8tim",
            "/ocpp/user:pass", "/ocpp/a%3Ab", "/ocpp/" + "x".repeat(256)}) {
            OcppPath.Parsed parsed = parse(path);
            assertFalse(parsed.ok(), path + " was read as " + parsed.chargerId());
            assertEquals("InvalidChargePointId", parsed.error(), path);
        }
        assertTrue(parse("/ocpp/" + "x".repeat(255)).ok(), "255 characters work as before");
    }
}
