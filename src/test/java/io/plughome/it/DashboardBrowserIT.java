package io.plughome.it;

import static io.plughome.testsupport.TestServer.ADMIN_TOKEN;
import static io.plughome.testsupport.TestServer.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.simulator.SimulatedCharger;
import io.plughome.testsupport.Browser;
import io.plughome.testsupport.ChargePointSimulator;
import io.plughome.testsupport.ChargePointSimulator.Version;
import io.plughome.testsupport.TestServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The dashboard in a real headless Chromium on a phone-sized window, against the real server,
 * with the user-facing simulator as the charger: sign in, watch a charger boot, start it, see
 * the power rise live, limit it and see the power follow, stop it, find the session in the
 * history and download the CSV; a viewer finds no control buttons and the server refuses them
 * anyway; a start on an offline charger is answered "offline". Runs once (H2 server): it tests
 * the page, not the database. Screenshots land in target/screenshots.
 */
class DashboardBrowserIT {

    private static final Pattern KW = Pattern.compile("([0-9]+\\.[0-9]) kW");

    private final String base = TestServer.baseUrl();

    private static SimulatedCharger simulated(String id, boolean autoStart) {
        return new SimulatedCharger(new SimulatedCharger.Options(TestServer.wsUrl(TestServer.baseUrl()) + "/ocpp", id,
                "ocpp1.6", null, HttpClient.newHttpClient(), 1, 16, 3, 230, autoStart, "SIM-CARD", 50, 1, 0, 0,
                null)).start();
    }

    private void signIn(Browser browser, String token) {
        browser.open(base + "/");
        browser.find("#token").sendKeys(token);
        browser.click("#signin button[type=submit]");
        browser.until(d -> !d.findElements(By.cssSelector("#chargers, #no-chargers")).isEmpty(), "the chargers page");
    }

    private static double kw(String text) {
        Matcher m = KW.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void anOwnerWatchesAChargerChargeLiveLimitsItStopsItAndDownloadsTheHistory() throws Exception {
        String id = TestServer.uniqueId("DASH");
        try (Browser browser = Browser.start(Browser.PHONE)) {
            browser.open(base + "/");
            browser.find("#token");
            browser.screenshot("sign-in");
            signIn(browser, ADMIN_TOKEN);
            assertTrue(browser.find("#who").getText().contains("admin"));

            try (SimulatedCharger charger = simulated(id, false)) {
                // The new charger's card appears on its own (the page follows the event stream).
                String card = "[data-charger='" + id + "']";
                // In a home user's words: "Plugged in", not OCPP's "Preparing".
                browser.textUntil(card, t -> t.contains("online") && t.contains("Plugged in"), "online, plugged in");
                browser.click(card + " h2 a");

                browser.click("#start");
                assertEquals("Start: Accepted", browser.textUntil("#result", t -> !t.contains("waiting")
                        && t.startsWith("Start:"), "the charger's answer"));
                // 16 A on three phases at 230 V: the car draws about 10.8 kW, shown as it is metered.
                String power = browser.textUntil("#power", t -> kw(t) > 10, "the power rising above 10 kW");
                assertEquals(10.8, kw(power), 0.2);
                browser.textUntil("#energy", t -> t.matches("0\\.0[1-9] kWh|0\\.[1-9][0-9] kWh"), "energy counting");
                browser.screenshot("charger-charging");

                // A limit of 8 A: the simulated car follows the charging profile down.
                browser.find("#limit-a").clear();
                browser.find("#limit-a").sendKeys("8");
                browser.click("#set-limit");
                String limited = browser.textUntil("#result", t -> t.startsWith("Set limit:") && !t.contains("waiting"),
                        "the limit's answer");
                assertTrue(limited.startsWith("Set limit: Accepted"), limited);
                power = browser.textUntil("#power", t -> kw(t) > 0 && kw(t) < 6, "the power following the limit");
                assertEquals(5.4, kw(power), 0.2);
                browser.textUntil("#effective-limit", t -> t.startsWith("8 A"), "the limit in effect");
                // The live power curve: drawn from the stored readings and followed as they come.
                browser.until(d -> d.findElements(By.cssSelector("#curve svg polyline")).isEmpty() ? null : true,
                        "the power curve");

                // Pause holds the car at 0 with the session open; Resume lets it charge again.
                browser.click("#pause");
                browser.textUntil("#result", t -> t.startsWith("Pause: Accepted"), "the pause's answer");
                browser.textUntil("#power", t -> kw(t) == 0.0, "no power while paused");
                browser.textUntil("#effective-limit", t -> t.contains("paused"), "the limit says paused");
                browser.click("#resume");
                browser.textUntil("#power", t -> kw(t) > 5, "charging again after resume");

                // Stop asks first; "cancel" sends nothing, "OK" stops.
                browser.click("#stop");
                browser.until(d -> d.switchTo().alert(), "the confirmation").dismiss();
                browser.textUntil("#active-session", t -> t.startsWith("Charging"), "still charging");
                browser.click("#stop");
                browser.until(d -> d.switchTo().alert(), "the confirmation").accept();
                assertEquals("Stop: Accepted", browser.textUntil("#result", t -> t.startsWith("Stop:")
                        && !t.contains("waiting"), "the stop's answer"));
                browser.textUntil("#active-session", t -> t.contains("No session running"), "the session ended");
                browser.screenshot("charger-stopped");

                // The chargers page, with this charger among them.
                browser.open(base + "/#/");
                browser.textUntil(card, t -> t.contains("Finished"), "the charger finished");
                browser.screenshot("chargers");
            }

            // The history, filtered to this charger, and its CSV.
            browser.open(base + "/#/sessions?chargerId=" + id);
            String row = browser.textUntil("#session-table tbody tr", t -> t.contains("stopped from PlugHome"),
                    "the session");
            assertTrue(row.contains("PlugHome"), "started with the server's remote-start idTag: " + row);
            assertEquals("1 session", browser.find("#session-count").getText());
            // On a phone the table is cards: every figure is visible, with its column's name.
            for (String label : new String[] {"Energy", "Cost", "Why it ended"}) {
                var cell = browser.find("#session-table tbody tr td[data-label='" + label + "']");
                assertTrue(cell.isDisplayed(), label + " is visible on a phone");
            }
            assertTrue(browser.async("const done = arguments[arguments.length - 1];"
                    + "done(document.documentElement.scrollWidth <= window.innerWidth + 1);").equals(Boolean.TRUE),
                    "nothing sticks out sideways on a phone");
            browser.screenshot("sessions");
            browser.click("#csv");
            Path csv = browser.until(d -> {
                try (var files = Files.list(browser.downloads())) {
                    return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
                } catch (java.io.IOException e) {
                    return null;
                }
            }, "the CSV download");
            List<String> lines = Files.readAllLines(csv);
            assertEquals(2, lines.size(), "a header and this charger's one session: " + lines);
            assertTrue(lines.get(0).contains("chargerId"), lines.get(0));
            assertTrue(lines.get(1).contains(id) && lines.get(1).contains("Remote"), lines.get(1));

            browser.open(base + "/#/energy");
            browser.textUntil("#energy-total", t -> t.startsWith("Total"), "the energy total");
            assertTrue(browser.present("#energy svg rect.bar"), "the energy chart has bars");
            browser.screenshot("energy");
        }
    }

    @Test
    void aViewerFindsNoControlButtonsAndTheServerRefusesThemAnyway() {
        String id = TestServer.uniqueId("DASH-VIEW");
        try (Browser browser = Browser.start(Browser.PHONE);
                ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V16)) {
            signIn(browser, VIEWER_TOKEN);
            assertTrue(browser.find("#who").getText().contains("viewer"));
            assertTrue(browser.driver().findElements(By.cssSelector("nav a[href='#/tokens']")).stream()
                    .noneMatch(a -> a.isDisplayed()), "no Tokens page for a viewer");
            browser.open(base + "/#/chargers/" + id);
            browser.textUntil("#online", t -> t.equals("online"), "the charger online");
            for (String button : new String[] {"#start", "#stop", "#set-limit", "#override", "#reset"}) {
                assertFalse(browser.present(button), button + " is not shown to a viewer");
            }
            browser.screenshot("charger-viewer");
            // The page hides them; the server refuses them anyway, with the browser's own cookie and CSRF token.
            Object status = browser.async("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/me').then(r => r.json()).then(who => fetch('/api/v1/chargers/'"
                    + " + encodeURIComponent(arguments[0]) + '/remote-start', {method: 'POST', headers: {'X-CSRF-Token':"
                    + " who.csrf, 'Content-Type': 'application/json'}, body: '{\"connectorId\":1}'}))"
                    + ".then(r => done(r.status));", id);
            assertEquals(403L, status);
        }
    }

    @Test
    void theAutomationPageShowsTheAvailablePowerAndTheWebhooksWithTheirLastDelivery() {
        try (io.plughome.testsupport.WebhookReceiver receiver = io.plughome.testsupport.WebhookReceiver.start(0);
                Browser browser = Browser.start(new Dimension(1280, 900))) {
            jakarta.json.JsonObject hook = WebhooksIT.subscribe(receiver.url(), "[\"session.stopped\"]", null);
            long hookId = hook.getJsonNumber("id").longValue();
            try {
                assertEquals(200, TestServer.send("PUT", "/api/v1/site/available-power", ADMIN_TOKEN,
                        "{\"powerW\":6900}").status());
                signIn(browser, ADMIN_TOKEN);
                browser.open(base + "/#/automation");
                String power = browser.textUntil("#available-power", t -> t.contains("6900 W"), "the input");
                assertTrue(power.contains("10.0 A in all"), power);
                browser.textUntil("#webhooks", t -> t.contains(receiver.url()) && t.contains("none yet"),
                        "the webhook");
                browser.driver().findElements(By.cssSelector("#webhooks button")).stream()
                        .filter(b -> b.getText().equals("Send test")).findFirst().orElseThrow().click();
                receiver.await(r -> "ping".equals(r.event()), java.time.Duration.ofSeconds(20));
                assertTrue(TestServer.eventually(java.time.Duration.ofSeconds(10), () -> TestServer.get(
                        "/api/v1/webhooks/" + hookId + "/deliveries", ADMIN_TOKEN).body().contains("DELIVERED")));
                browser.driver().navigate().refresh();
                browser.textUntil("#webhooks", t -> t.contains("ping: delivered (HTTP 200)"), "the ping delivered");
                browser.screenshot("automation-desktop");
            } finally {
                TestServer.send("DELETE", "/api/v1/webhooks/" + hookId, ADMIN_TOKEN, null);
                TestServer.send("DELETE", "/api/v1/site/available-power", ADMIN_TOKEN, null);
            }
        }
    }

    @Test
    void aStartOnAnOfflineChargerIsAnsweredOffline() {
        String id = TestServer.uniqueId("DASH-OFF");
        try (ChargePointSimulator cp = ChargePointSimulator.booted(base, id, Version.V16)) {
            // booted, then gone
        }
        try (Browser browser = Browser.start(new Dimension(1280, 900))) {
            signIn(browser, ADMIN_TOKEN);
            browser.open(base + "/#/chargers/" + id);
            browser.textUntil("#online", t -> t.equals("offline"), "the charger offline");
            browser.click("#start");
            String answer = browser.textUntil("#result", t -> t.startsWith("Start:") && !t.contains("waiting"),
                    "the answer");
            assertTrue(answer.startsWith("Start: Offline"), answer);
            browser.screenshot("charger-offline-desktop");

            // An offline charger can be removed, after a confirmation.
            browser.click("#remove-charger");
            browser.until(d -> d.switchTo().alert(), "the confirmation").accept();
            browser.until(d -> d.getCurrentUrl().endsWith("#/") ? true : null, "back to the list");
            assertEquals(404, TestServer.get("/api/v1/chargers/" + id, ADMIN_TOKEN).status());
        }
    }

    @Test
    void aBrowserStaysSignedInUntilItSignsOutAndItsCookieIsNotEnoughForAChange() {
        try (Browser browser = Browser.start(new Dimension(1280, 900))) {
            signIn(browser, ADMIN_TOKEN);
            // A new tab, or the page opened again tomorrow: still signed in, no token to paste.
            browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.open(base + "/#/sessions");
            browser.until(d -> d.findElements(By.cssSelector("#session-filters")).isEmpty() ? null : true,
                    "the sessions page without signing in again");
            assertTrue(browser.find("#who").getText().contains("admin"));
            // The token is nowhere the page's scripts can read it; the cookie is HttpOnly.
            assertEquals("", browser.async("const done = arguments[arguments.length - 1];"
                    + "done(document.cookie + Object.keys(sessionStorage).join() + Object.keys(localStorage).join());"));
            // A change with the cookie but without the CSRF token the page was given is refused.
            Object status = browser.async("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/tariff', {method: 'PUT', headers: {'Content-Type': 'application/json'},"
                    + " body: '{\"pricePerKwh\":0.3,\"currency\":\"EUR\"}'}).then(r => done(r.status));");
            assertEquals(403L, status);
            // On a desktop the sessions table keeps its header row.
            assertTrue(browser.driver().findElements(By.cssSelector("#session-table thead th")).stream()
                    .anyMatch(th -> th.isDisplayed()) || !browser.present("#session-table"));
            browser.click("#signout");
            browser.find("#token");
            browser.driver().navigate().refresh();
            browser.find("#token");
            assertEquals(401L, browser.async("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/me').then(r => done(r.status));"), "signed out for good");
        }
    }
}
