package io.plughome.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RootServletTest {

    @Test
    void browsersGetTheDashboard() {
        // Chromium's and Firefox's Accept headers for a page
        assertTrue(RootServlet.wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
                + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"));
        assertTrue(RootServlet.wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertTrue(RootServlet.wantsHtml("TEXT/HTML"));
    }

    @Test
    void apiClientsAndHealthChecksGetJson() {
        assertFalse(RootServlet.wantsHtml(null));
        assertFalse(RootServlet.wantsHtml("*/*"));
        assertFalse(RootServlet.wantsHtml("application/json"));
        assertFalse(RootServlet.wantsHtml("application/json, text/html;q=0.5"));
        assertFalse(RootServlet.wantsHtml("text/html;q=0"));
        assertFalse(RootServlet.wantsHtml("text/html;q=oops"));
    }
}
