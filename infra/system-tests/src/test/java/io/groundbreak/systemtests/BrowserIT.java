package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The web app in a real headless Chromium, on the running system: what leaders see is what the API
 * answers, every number leads to its projects, auditors see what was known when, and a district office
 * cannot open the audit pages. Each test keeps a screenshot under target/screenshots.
 */
class BrowserIT extends BrowserTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final List<String> STAGES = List.of("TALKS", "SIGNED", "LANDED", "STARTED", "PRODUCING");

    @Test
    void aLeaderSeesTheFunnelNumbersTheApiAnswersAndDrillsDownToAProjectsTimeline() throws Exception {
        // 宁河区 × 车联网 is this test's own corner of the funnel
        String corner = "district=120117&chain=connected-vehicles";
        long talksBefore = reached(corner, "TALKS");
        long lostBefore = lostAt(corner, "TALKS");
        String landed = system.register("d120117", "120117", "connected-vehicles", "2600000000.00");
        String lost = system.register("d120117", "120117", "connected-vehicles", "90000000.00");
        post("d120117", landed, "milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-01\"}");
        post("d120117", landed, "milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-06\"}");
        post("d120117", lost, "milestones", "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-10\"}");
        post("d120117", lost, "termination", "{\"effectiveDate\":\"2024-06-01\",\"reason\":\"投资方退出\"}");
        String today = LocalDate.now(CITY).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> reached(corner, "TALKS") == talksBefore + 2
                && lostAt(corner, "TALKS") == lostBefore + 1);
        JsonNode funnel = system.read(system.funnel, "leader", "/api/funnel?asOf=" + today + "&" + corner);

        browser.logIn("leader").go("/dashboard.html?asOf=" + today + "&" + corner).awaitLoaded();
        for (JsonNode stage : funnel.get("stages")) {
            for (String figure : List.of("reached", "current", "lost")) {
                assertThat(browser.find("#funnel-table a[data-stage='" + stage.get("stage").asString()
                        + "'][data-figure='" + figure + "']").getText())
                        .as("%s %s", stage.get("stage").asString(), figure)
                        .isEqualTo(stage.get(figure).asString());
            }
        }
        // how fresh the figures are, beside them (the broker answers: the lag is known; it may be a few seconds old)
        WebElement freshness = browser.find("#dashboard-freshness");
        assertThat(freshness.getText()).startsWith("数据截至 ").contains("（最新事件 ");
        assertThat(freshness.getDomAttribute("data-state")).isIn("current", "behind");
        browser.screenshot("leader-dashboard");

        WebElement landedNumber = browser.find("#funnel-table a[data-stage='LANDED'][data-figure='reached']");
        int landedCount = Integer.parseInt(landedNumber.getText());
        landedNumber.click();
        browser.awaitLoaded();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#projects-table tbody tr"));
        assertThat(rows).hasSize(landedCount);
        rows = rows.stream().filter(row -> landed.equals(row.getDomAttribute("data-project"))).toList();
        assertThat(rows).hasSize(1);
        browser.screenshot("leader-projects-behind-a-number");

        rows.get(0).findElement(By.cssSelector("a.project-link")).click();
        browser.awaitLoaded();
        assertThat(browser.find("#timeline li[data-stage='LANDED'] .when").getText()).isEqualTo("2024-05-06");
        assertThat(browser.find("#timeline li[data-stage='SIGNED'] .when").getText()).isEqualTo("2024-02-01");
        browser.screenshot("leader-project-timeline");
    }

    @Test
    void anAuditorSeesTheFunnelAsKnownBeforeACorrectionDifferFromToday() throws Exception {
        // 蓟州区 × 绿色石化 is this test's own corner
        String corner = "district=120119&chain=green-petrochemicals";
        String project = system.register("d120119", "120119", "green-petrochemicals", "1200000000.00");
        post("d120119", project, "milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}");
        JsonNode signed = awaitHistory(project, 2).get(1);
        // the workbench takes whole seconds: the instant known-at must hold the signing and not the correction
        Instant knownAt = Instant.parse(signed.get("time").asString()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(knownAt));
        post("d120119", project, "milestones/SIGNED/correction",
                "{\"effectiveDate\":\"2024-03-20\",\"reason\":\"签约日期录入错误\"}");
        awaitHistory(project, 3);

        browser.logIn("auditor").go("/audit.html?validAt=2024-03-10&" + corner).awaitLoaded();
        WebElement knownAtField = browser.find("#knownAt");
        knownAtField.clear();
        knownAtField.sendKeys(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CITY).format(knownAt));
        browser.find("#compare").click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#difference-count[data-count]")));
        assertThat(browser.find("#compare-freshness-note").getText()).startsWith("数据截至 ");
        browser.screenshot("auditor-known-then-and-now");

        // the corner's own counts, whatever an earlier run left on a reused broker
        long signedThen = system.read(system.audit, "auditor", "/api/audit/funnel?validAt=2024-03-10&knownAt=" + knownAt
                + "&" + corner).get("stages").get(1).get("reached").asLong();
        long signedNow = system.read(system.audit, "auditor", "/api/audit/funnel?validAt=2024-03-10&" + corner)
                .get("stages").get(1).get("reached").asLong();
        assertThat(signedThen - signedNow).as("the correction moved the signing past 2024-03-10").isEqualTo(1);
        String signedRow = "#compare-table tr[data-stage='SIGNED'] td[data-figure='reached']";
        WebElement then = browser.find(signedRow + "[data-when='then']");
        WebElement now = browser.find(signedRow + "[data-when='now']");
        assertThat(then.getText()).isEqualTo(String.valueOf(signedThen));
        assertThat(now.getText()).isEqualTo(String.valueOf(signedNow));
        assertThat(then.getDomAttribute("class")).contains("diff");
        assertThat(Integer.parseInt(browser.find("#difference-count").getDomAttribute("data-count"))).isPositive();
    }

    /** The cohort heat table shows the API's numbers, shaded by share, each opening its projects; by month too. */
    @Test
    void aLeaderSeesTheCohortHeatTableAndOpensACellsProjects() throws Exception {
        // 武清区 × 航空航天 is this test's own corner
        String corner = "district=120114&chain=aerospace";
        String project = system.register("d120114", "120114", "aerospace", "800000000.00");
        post("d120114", project, "milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-01\"}");
        post("d120114", project, "milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-06\"}");
        String cell = "/api/projects?asOf=2024-12-31&" + corner + "&cohort=SIGNED:2024-Q1&outcome=within180";
        await().atMost(Duration.ofSeconds(30)).until(() -> system.read(system.funnel, "leader", cell).toString()
                .contains(project));
        JsonNode signedInQ1 = null;
        for (JsonNode period : system.read(system.funnel, "leader", "/api/funnel/cohorts?asOf=2024-12-31&" + corner)
                .get("transitions").get(1).get("periods")) {
            signedInQ1 = period.get("period").asString().equals("2024-Q1") ? period : signedInQ1;
        }

        browser.logIn("leader").go("/dashboard.html?asOf=2024-12-31&" + corner).awaitLoaded();
        String within180 = "#cohorts-table a[data-cohort='SIGNED:2024-Q1'][data-outcome='within180']";
        WebElement number = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(within180)));
        assertThat(number.getText()).isEqualTo(signedInQ1.get("within").get(1).get("reached").asString());
        WebElement shaded = number.findElement(By.xpath(".."));
        double share = signedInQ1.get("within").get(1).get("reached").asDouble() / signedInQ1.get("projects").asDouble();
        assertThat(Double.parseDouble(shaded.getDomAttribute("data-share"))).isCloseTo(share, Offset.offset(0.001));
        assertThat(shaded.getDomAttribute("style")).contains("background");
        assertThat(browser.find("#cohorts-table a[data-cohort='SIGNED:2024-Q1'][data-outcome='all']").getText())
                .isEqualTo(signedInQ1.get("projects").asString());
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", browser.find("#cohorts"));
        browser.screenshot("leader-cohorts");

        new Select(browser.find("#cohorts-by")).selectByValue("month");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cohorts-table a[data-cohort='SIGNED:2024-02'][data-outcome='within180']")));

        browser.go("/dashboard.html?asOf=2024-12-31&" + corner).awaitLoaded();
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(within180))).click();
        browser.awaitLoaded();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#projects-table tbody tr"));
        assertThat(rows).hasSize(signedInQ1.get("within").get(1).get("reached").asInt());
        assertThat(rows).anySatisfy(row -> assertThat(row.getDomAttribute("data-project")).isEqualTo(project));
        browser.screenshot("leader-projects-of-a-cohort-cell");
    }

    @Test
    void aDistrictOfficeCannotOpenTheAuditPages() throws Exception {
        browser.logIn("d120101").go("/dashboard.html").awaitLoaded();
        assertThat(browser.driver.findElements(By.id("nav-audit"))).isEmpty();
        assertThat(browser.find("#district").getDomProperty("disabled")).isEqualTo("true");

        browser.go("/audit.html");
        assertThat(browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden"))).getText())
                .contains("403");
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/audit/funnel').then(answer => done(answer.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        browser.screenshot("district-office-refused-audit");
    }

    private static void post(String user, String project, String action, String body) throws Exception {
        system.recorded(user, "/api/projects/" + project + "/" + action, body);
    }

    private static long reached(String corner, String stage) throws Exception {
        return figure(corner, stage, "reached");
    }

    private static long lostAt(String corner, String stage) throws Exception {
        return figure(corner, stage, "lost");
    }

    private static long figure(String corner, String stage, String figure) throws Exception {
        JsonNode funnel = system.read(system.funnel, "leader", "/api/funnel?" + corner);
        return funnel.get("stages").get(STAGES.indexOf(stage)).get(figure).asLong();
    }

    private static JsonNode awaitHistory(String project, int events) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> history = system.get(system.audit, "auditor", "/api/audit/projects/" + project + "/history");
            return history.statusCode() == 200 ? RunningSystem.JSON.readTree(history.body()).get("events") : null;
        }, history -> history != null && history.size() == events);
    }
}
