package io.groundbreak.systemtests;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What every browser test shares: the running system, a fresh Chromium per test (its own cookies),
 * a screenshot of where each test ended, and a skip with a logged reason where no Chromium is installed.
 */
abstract class BrowserTest {

    private static final System.Logger LOG = System.getLogger(BrowserTest.class.getName());

    protected static RunningSystem system;
    protected Browser browser;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Optional<String> unavailable = Browser.unavailable();
        unavailable.ifPresent(reason -> LOG.log(System.Logger.Level.WARNING, "browser tests skipped: " + reason));
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElseThrow());
        system = RunningSystem.get();
    }

    @BeforeEach
    void openABrowser() throws Exception {
        browser = Browser.open(system.web.url("").toString());
    }

    @AfterEach
    void closeTheBrowser(TestInfo test) throws Exception {
        try {
            browser.screenshot("end-of-" + getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.close();
        }
    }
}
