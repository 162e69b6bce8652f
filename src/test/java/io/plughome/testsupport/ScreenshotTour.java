package io.plughome.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;

/**
 * Takes the README's screenshots (docs/screenshots) from a running PlugHome, in the same headless
 * Chromium the browser tests use: start a server with a fresh data directory and the simulator
 * ({@code --chargers 3}), let them charge a minute, then
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.plughome.testsupport.ScreenshotTour
 * -Dexec.args="http://localhost:8080 <admin token> SIM-1"}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String token = args.length > 1 ? args[1] : System.getenv("PLUGHOME_ADMIN_TOKEN");
        String charger = args.length > 2 ? args[2] : "SIM-1";
        Path docs = Files.createDirectories(Path.of("docs", "screenshots"));
        for (boolean phone : new boolean[] {true, false}) {
            try (Browser browser = Browser.start(phone ? Browser.PHONE : new Dimension(1280, 860))) {
                String suffix = phone ? "-phone" : "-desktop";
                browser.open(base + "/");
                browser.find("#token").sendKeys(token);
                browser.find("#signin button[type=submit]").click();
                browser.find("#chargers");
                Thread.sleep(1500);
                save(browser, "chargers" + suffix, docs);
                browser.open(base + "/#/chargers/" + charger);
                browser.find("#power");
                Thread.sleep(1500);
                save(browser, "charger" + suffix, docs);
                if (!phone) {
                    browser.open(base + "/#/sessions");
                    browser.find("#session-count");
                    save(browser, "sessions" + suffix, docs);
                    browser.open(base + "/#/energy");
                    browser.find("#energy-total");
                    save(browser, "energy" + suffix, docs);
                }
            }
        }
        System.out.println("Screenshots in " + docs.toAbsolutePath());
    }

    private static void save(Browser browser, String name, Path docs) throws Exception {
        Files.copy(browser.screenshot(name), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
