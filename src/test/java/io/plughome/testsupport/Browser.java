package io.plughome.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run} installs),
 * driven through Selenium: the real browser the dashboard's end-to-end tests use. Without the
 * browser the tests are skipped on a developer's machine and fail in CI.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("plughome.it.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("plughome.it.chromedriver",
            "/usr/bin/chromedriver"));
    /** A phone's screen, in CSS pixels. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path downloads;
    private final Path userData;

    private Browser(ChromeDriver driver, Path downloads, Path userData) {
        this.driver = driver;
        this.downloads = downloads;
        this.userData = userData;
    }

    /** Starts a headless Chromium with a window of the given size and a fresh profile. */
    public static Browser start(Dimension window) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("No " + CHROMIUM + " / " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        if (!present) {
            throw new AssertionError("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them)");
        }
        try {
            Path target = Path.of("target");
            Path downloads = Files.createDirectories(target.resolve("browser-downloads"))
                    .resolve(Long.toString(System.nanoTime(), 36));
            Files.createDirectories(downloads);
            Path userData = Files.createTempDirectory(target, "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The flags that keep Chromium from calling home on a closed network, and run it as root.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + userData.toAbsolutePath(),
                    "--window-size=" + window.getWidth() + "," + window.getHeight());
            options.setExperimentalOption("prefs", Map.of("download.default_directory",
                    downloads.toAbsolutePath().toString(), "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, downloads, userData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, "an element " + css);
    }

    /**
     * Clicks an element, found again if the page drew itself anew between finding and clicking (the
     * dashboard redraws a page when the event stream says something changed).
     */
    public void click(String css) {
        until(d -> {
            try {
                var found = d.findElements(By.cssSelector(css));
                if (found.isEmpty() || !found.get(0).isDisplayed() || !found.get(0).isEnabled()) {
                    return null;
                }
                found.get(0).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        }, "a click on " + css);
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Waits (up to 30 s) for the element's text to pass the check; answers the text. */
    public String textUntil(String css, java.util.function.Predicate<String> check, String what) {
        return until(d -> {
            var found = d.findElements(By.cssSelector(css));
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            return check.test(text) ? text : null;
        }, css + " to show " + what);
    }

    public <T> T until(Function<WebDriver, T> condition, String what) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited 30 s for " + what + "; the page says: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Runs a script that calls back its last argument, as Selenium's async scripts do. */
    public Object async(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** Saves a screenshot of the window to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            driver.executeScript("window.scrollTo(0, 0)");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder the browser's downloads land in. */
    public Path downloads() {
        return downloads;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile under target/
        }
    }
}
