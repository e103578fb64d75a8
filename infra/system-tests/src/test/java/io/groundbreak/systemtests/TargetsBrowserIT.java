package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Targets (目标任务, issue 19 item 1) in a real headless Chromium, on the running system: an ADMIN sets one cell's target
 * through the dashboard's form with a reason, and sees target, actual and percent as funnel-service answers them, the
 * change in the cell's history; the actual opens exactly the projects that reached the stage in the year; the page's
 * .xlsx holds the same figures. A leader gets no form and milestone-service refuses the leader's write. 河东区 (120102) ×
 * 高端装备 is this class's own corner.
 */
class TargetsBrowserIT extends BrowserTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "120102";
    private static final String OFFICE = "d" + DISTRICT;
    private static final String CHAIN = "high-end-equipment";
    private static final String CELL = "district=" + DISTRICT + "&chain=" + CHAIN;

    @Test
    void anAdminSetsACellsTargetAndSeesTargetActualAndPercentAsTheApiAnswers() throws Exception {
        LocalDate today = LocalDate.now(CITY);
        int year = today.getYear();
        // two projects signed this year (1 January is never in the future), one of them landed too
        String first = system.register(OFFICE, DISTRICT, CHAIN, "3000000000.00");
        String second = system.register(OFFICE, DISTRICT, CHAIN, "1200000000.00");
        milestone(first, "SIGNED", today.withDayOfYear(1));
        milestone(first, "LANDED", today.withDayOfYear(1));
        milestone(second, "SIGNED", today.withDayOfYear(1));
        String reachedSigned = "/api/projects?reached=SIGNED:" + year + "&" + CELL + "&size=200";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String listed = system.read(system.funnel, "leader", reachedSigned).toString();
            return listed.contains(first) && listed.contains(second);
        });

        browser.logIn("admin").go("/dashboard.html?" + CELL).awaitLoaded();
        WebElement form = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#target-form input[name='signed']")))
                .findElement(By.xpath("ancestor::form"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", form);
        new Select(form.findElement(By.name("district"))).selectByValue(DISTRICT);
        new Select(form.findElement(By.name("chain"))).selectByValue(CHAIN);
        // the cell's current target is in the form (none yet) before anything is typed
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#target-form[data-cell='" + year + "|" + DISTRICT + "|" + CHAIN + "']")));
        String reason = "年度计划分解 " + System.nanoTime();
        type(form, "signed", "4");
        type(form, "landed", "2");
        type(form, "plannedInvestmentCny", "500000");
        type(form, "reason", reason);
        form.findElement(By.id("target-submit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("target-saved")));

        JsonNode answer = system.read(system.funnel, "leader", "/api/supervision/targets?year=" + year + "&" + CELL);
        JsonNode cell = answer.get("cells").get(0);
        JsonNode signed = cell.get("figures").get("signed");
        assertThat(signed.get("target").asLong()).isEqualTo(4);
        assertThat(cell.get("figures").get("landed").get("target").asLong()).isEqualTo(2);
        assertThat(cell.get("figures").get("started").get("target").isNull()).as("a measure left out has no target").isTrue();
        assertThat(new BigDecimal(cell.get("figures").get("plannedInvestmentCny").get("target").asString()))
                .isEqualByComparingTo("5000000000");
        // the actual is exactly the projects that reached SIGNED this year (the drill-down, an independent read)
        JsonNode behind = system.read(system.funnel, "leader", reachedSigned);
        assertThat(signed.get("actual").asLong()).isEqualTo(behind.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(signed.get("percent").asDouble()).isCloseTo(Math.round(signed.get("actual").asDouble() / 4 * 1000) / 10.0,
                within(1e-9));

        String row = "#targets-district-table tr[data-scope='" + DISTRICT + "'] ";
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(row + "td[data-measure='signed'][data-part='target']"), "4"));
        for (String measure : List.of("signed", "landed", "started", "producing")) {
            JsonNode figure = cell.get("figures").get(measure);
            assertThat(browser.find(row + "td[data-measure='" + measure + "'][data-part='target']").getText()).as(measure)
                    .isEqualTo(figure.get("target").isNull() ? "—" : figure.get("target").asString());
            assertThat(browser.find(row + "td[data-measure='" + measure + "'][data-part='actual']").getText()).as(measure)
                    .isEqualTo(figure.get("actual").asString());
            assertThat(browser.find(row + "td[data-measure='" + measure + "'][data-part='percent']").getText()).as(measure)
                    .isEqualTo(figure.get("percent").isNull() ? "—"
                            : String.format(Locale.ROOT, "%.1f%%", figure.get("percent").asDouble()));
        }
        WebElement change = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#targets-history-table tbody tr")));
        assertThat(change.getText()).contains("admin", reason);
        browser.screenshot("targets-admin-set");

        // the page's .xlsx: the same figures
        HttpResponse<byte[]> workbook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(browser.find("#export-targets").getDomProperty("href")))
                .header("Cookie", "SESSION=" + browser.driver.manage().getCookieNamed("SESSION").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            Sheet sheet = book.getSheet("目标·分区");
            Row districtRow = null;
            for (Row line : sheet) {
                if (line.getCell(0) != null && line.getCell(0).getStringCellValue().equals("河东区")) {
                    districtRow = line;
                }
            }
            assertThat(districtRow).isNotNull();
            assertThat(districtRow.getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(districtRow.getCell(2).getNumericCellValue()).isEqualTo(signed.get("actual").asDouble());
            assertThat(districtRow.getCell(3).getNumericCellValue() * 100).isCloseTo(signed.get("percent").asDouble(), within(1e-9));
            assertThat(districtRow.getCell(13).getNumericCellValue()).as("万元").isEqualTo(500_000);
            List<String> reasons = new ArrayList<>();
            book.getSheet("目标调整记录").forEach(line -> {
                if (line.getCell(2) != null) {
                    reasons.add(line.getCell(2).getStringCellValue());
                }
            });
            assertThat(reasons).contains(reason);
        }

        // the actual opens its projects
        browser.find(row + "td[data-measure='signed'][data-part='actual'] a").click();
        browser.awaitLoaded();
        List<String> listed = browser.driver.findElements(By.cssSelector("#projects-table tbody tr")).stream()
                .map(line -> line.getDomAttribute("data-project")).toList();
        assertThat(listed).hasSize(signed.get("actual").asInt()).contains(first, second);
        assertThat(browser.find("#title").getText()).contains(year + " 达到「签约」");
        browser.screenshot("targets-drill-down");
    }

    @Test
    void aLeaderReadsTheTargetsButHasNoFormAndCannotSetOne() throws Exception {
        browser.logIn("leader").go("/dashboard.html?" + CELL).awaitLoaded();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#targets-card[data-loaded]")));
        assertThat(browser.driver.findElements(By.cssSelector("#target-form input[name='signed']"))).isEmpty();
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11);"
                        + "fetch('/api/supervision/targets', {method: 'POST', headers: {'Content-Type': 'application/json',"
                        + " 'X-XSRF-TOKEN': decodeURIComponent(token)}, body: JSON.stringify({year: 2025, reason: 'x',"
                        + " targets: [{district: '" + DISTRICT + "', chain: '" + CHAIN + "', signed: 1}]})})"
                        + ".then(answer => done(answer.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
    }

    private static void type(WebElement form, String name, String text) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    private static void milestone(String project, String stage, LocalDate date) throws Exception {
        HttpResponse<String> answer = system.post(OFFICE, "/api/projects/" + project + "/milestones",
                "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + date + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
