package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The briefing's card (js/briefing.js) in headless Chromium: a leader picks a scope on the dashboard and downloads the
 * PDF its link names; a district office's workspace offers its own district only; the texts in English after the
 * switch. What the documents hold: BriefingIT. Screenshots briefing-*.png.
 */
class BriefingBrowserIT extends BrowserTest {

    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);

    @Test
    void aLeaderPicksAScopeOnTheDashboardAndDownloadsTheBriefing() throws Exception {
        browser.logIn("leader").go("/dashboard.html");
        WebElement pdf = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#briefing-pdf[href]")));
        assertThat(browser.find("#briefing-month").getDomProperty("value")).isEqualTo(LAST_MONTH.toString());
        assertThat(pdf.getDomProperty("href")).endsWith("/api/briefing/" + LAST_MONTH + ".pdf?lang=zh");
        assertThat(pdf.getText()).isEqualTo("下载简报（PDF）");
        new Select(browser.find("#briefing-scope")).selectByValue("chain:new-energy");
        assertThat(browser.find("#briefing-xlsx").getDomProperty("href"))
                .endsWith("/api/briefing/" + LAST_MONTH + ".xlsx?chain=new-energy&lang=zh");
        new Select(browser.find("#briefing-scope")).selectByValue("district:120112");
        HttpResponse<byte[]> download = download(browser.find("#briefing-pdf").getDomProperty("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('briefing-card').scrollIntoView()");
        browser.screenshot("briefing-dashboard");
    }

    @Test
    void anOfficeGetsItsOwnDistrictsBriefingInChineseAndEnglish() throws Exception {
        browser.logIn("d120112").go("/district.html");
        WebElement scope = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#briefing-scope")));
        assertThat(scope.isEnabled()).isFalse();
        assertThat(new Select(scope).getFirstSelectedOption().getText()).isEqualTo("津南区");
        String xlsx = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#briefing-xlsx[href]")))
                .getDomProperty("href");
        assertThat(xlsx).endsWith("/api/briefing/" + LAST_MONTH + ".xlsx?district=120112&lang=zh");
        assertThat(download(xlsx).statusCode()).isEqualTo(200);
        browser.find("#language").click();
        WebElement english = browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("briefing-pdf"),
                "Download the briefing (PDF)")) ? browser.find("#briefing-pdf") : null;
        assertThat(english.getDomProperty("href")).endsWith("district=120112&lang=en");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('briefing-card').scrollIntoView()");
        browser.screenshot("briefing-district-en");
        browser.find("#language").click();
    }

    /** The link as the page's session follows it. */
    private HttpResponse<byte[]> download(String href) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "SESSION=" + browser.driver.manage().getCookieNamed("SESSION").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
