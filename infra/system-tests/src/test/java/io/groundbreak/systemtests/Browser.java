package io.groundbreak.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} with its {@code chromedriver}; other paths via
 * {@code GROUNDBREAK_CHROMIUM} and {@code GROUNDBREAK_CHROMEDRIVER}) signed in to the web app through the identity provider.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(Optional.ofNullable(System.getenv("GROUNDBREAK_CHROMIUM"))
            .orElse("/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(Optional.ofNullable(System.getenv("GROUNDBREAK_CHROMEDRIVER"))
            .orElse("/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String origin;

    private Browser(WebDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
    }

    /** Why no browser test can run here, if none can. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("no Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install Debian's chromium and chromium-driver, as .ci/run does");
        }
        return Optional.empty();
    }

    static Browser open(String origin) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine's closed network refuses Chromium's own background connections: switch them off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1800", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("groundbreak-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), origin);
    }

    /** Signs in on the identity provider's (Keycloak's) login page, where the web app sends a browser without a session. */
    Browser logIn(String user) {
        go("/");
        WebElement submit = waitFor(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-dev");
        submit.click();
        // back at the app, past its redirect from the provider, on the role's home page (which may add its query)
        waitFor(driver -> driver.getCurrentUrl().startsWith(origin) && driver.getCurrentUrl().contains(".html"));
        return this;
    }

    Browser go(String path) {
        driver.get(origin + path);
        return this;
    }

    /**
     * Waits until a page's script says it has drawn everything (it sets body[data-loaded]); a page that
     * never does is reported with what it shows in its error box, and a screenshot.
     */
    Browser awaitLoaded() throws IOException {
        try {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-loaded]")));
        } catch (TimeoutException e) {
            screenshot("not-loaded-" + System.currentTimeMillis());
            String errors = driver.findElements(By.cssSelector(".error-box")).stream().map(WebElement::getText)
                    .reduce("", (all, one) -> all + one + "; ");
            throw new AssertionError(driver.getCurrentUrl() + " did not finish loading; it shows: " + errors, e);
        }
        return this;
    }

    /**
     * Waits until the condition holds, asking it again when the page replaced an element the condition had found
     * (the lists re-render when their figures or their freshness change).
     */
    <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
