package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The monthly close (issue 19) in a real headless Chromium, on the running system: a district office closes last
 * month on its workspace, a milestone of that month recorded afterwards shows as a restatement with its figures, and a
 * leader's dashboard lists the district as closed on time (or late, after the deadline day); the month's .xlsx comes
 * from the page's link. 宝坻区 (120115) is this
 * class's own district. Screenshots under target/screenshots.
 */
class MonthlyCloseIT extends BrowserTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "120115";
    private static final String OFFICE = "d" + DISTRICT;

    @Test
    void anOfficeClosesItsMonthSeesTheRestatementsAndLeadersSeeWhoClosed() throws Exception {
        YearMonth lastMonth = YearMonth.now(CITY).minusMonths(1);
        String projectId = system.register(OFFICE, DISTRICT, "new-energy", "800000000.00");
        milestone(projectId, "TALKS", lastMonth.atDay(1));
        awaitLedger(projectId, 2);

        browser.logIn(OFFICE);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#period-status[data-status=open]")));
        assertThat(browser.find("#period-month").getDomProperty("value")).isEqualTo(lastMonth.toString());
        browser.find("#period-close").click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#period-status[data-status=closed]")));
        assertThat(browser.find("#period-message").getText()).startsWith("已关账");
        assertThat(browser.find("#period-close").isEnabled()).as("a closed month cannot be closed again").isFalse();
        assertThat(browser.find("#period-no-restatements").getText()).isEqualTo("关账后没有改变本月数字的事件。");

        // recorded after the close, effective in the closed month: a restatement
        milestone(projectId, "SIGNED", lastMonth.atEndOfMonth());
        awaitLedger(projectId, 3);
        browser.go("/district.html");
        WebElement restatement = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#period-restatements tbody tr")));
        assertThat(browser.driver.findElements(By.cssSelector("#period-restatements tbody tr"))).hasSize(1);
        assertThat(restatement.getText()).contains("里程碑", "签约", lastMonth.atEndOfMonth().toString(), OFFICE, "本月达到");
        assertThat(browser.find(".period-figures td.diff").getText()).contains("→");
        browser.screenshot("monthly-close-restatement");

        // the month as .xlsx, from the page's link with the page's session
        HttpResponse<byte[]> workbook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(browser.find("#period-export").getDomProperty("href")))
                .header("Cookie", "SESSION=" + browser.driver.manage().getCookieNamed("SESSION").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            Row first = book.getSheet("数字重述").getRow(12);
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("签约");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo(OFFICE);
            assertThat(book.getSheet("关账记录").getRow(12).getCell(1).getStringCellValue()).isEqualTo("关账");
        }
        browser.find("#language").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("language"), "中文"));
        WebElement english = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#period-restatements tbody tr")));
        assertThat(english.getText()).contains("milestone", "Reached in the month");
        assertThat(browser.find("#period-report h3").getText()).isEqualTo("Restatements: events recorded after the close that changed the month's figures (1)");
        assertThat(browser.find("#period-status").getText()).startsWith("Closed at ");
        browser.screenshot("monthly-close-restatement-en");
        browser.find("#language").click();

        try (Browser leader = Browser.open(system.web.url("").toString())) {
            leader.logIn("leader").go("/dashboard.html");
            boolean byTheDeadline = LocalDate.now(CITY).getDayOfMonth() <= 5;
            WebElement row = leader.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#closes-table tr[data-district='" + DISTRICT + "']")));
            assertThat(row.getDomAttribute("data-status")).isEqualTo(byTheDeadline ? "on-time" : "late");
            assertThat(row.getText()).contains("宝坻区", OFFICE);
            assertThat(leader.driver.findElements(By.cssSelector("#closes-table tbody tr"))).hasSize(16);
            row.findElement(By.cssSelector("a.figure")).click();
            leader.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#closes-detail #period-restatements")));
            leader.screenshot("monthly-close-city-view");
        }
    }

    private void milestone(String projectId, String stage, LocalDate date) throws Exception {
        HttpResponse<String> answer = system.post(OFFICE, "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + date + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    private void awaitLedger(String projectId, int events) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                system.read(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history").get("events"))
                .hasSize(events));
    }
}
