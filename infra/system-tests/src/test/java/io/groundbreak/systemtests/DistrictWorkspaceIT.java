package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A district office's workspace in a real headless Chromium, on the running system: it registers a
 * project and records a milestone by form and sees both in its list; a refusal is explained next to the
 * field it concerns, in Chinese and in English; every action of the contract has a working form; a
 * double submission records once; an upload through the page shows its report. 东丽区 (120110) is this
 * class's own district: its list shows every project of the district. Screenshots under target/screenshots.
 */
class DistrictWorkspaceIT extends BrowserTest {

    private static final String OFFICE = "d120110";
    private static final String DISTRICT = "120110";
    private static final String REVIEWER = "r120110";

    @Test
    void anOfficeRegistersAndRecordsByFormSeesItInItsListAndARefusalNextToItsField() throws Exception {
        String code = "DL-" + UUID.randomUUID().toString().substring(0, 8);
        browser.logIn(OFFICE);
        assertThat(browser.driver.getCurrentUrl()).as("a district office starts in its workspace").endsWith("/district.html");
        browser.awaitLoaded();

        WebElement register = browser.find("#form-register");
        fill(register, "code", code);
        fill(register, "name", "东丽新材料产业园");
        fill(register, "chain", "new-materials");
        fill(register, "investor", "某某新材料集团");
        fill(register, "plannedInvestmentCny", "150000");
        fill(register, "park", "东丽经济开发区");
        assertThat(submit(register).getText()).startsWith("已记录（事件 ");
        WebElement row = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#projects-table tr[data-code='" + code + "']")));
        String projectId = row.getDomAttribute("data-project");
        assertThat(row.findElement(By.cssSelector("td[data-col=stage]")).getText()).isEqualTo("—");
        browser.waitFor(driver -> projectId.equals(browser.find("#action-project").getDomProperty("value")));

        WebElement milestone = browser.find("#form-milestone");
        fill(milestone, "stage", "SIGNED");
        fill(milestone, "effectiveDate", "2024-03-01");
        fill(milestone, "amountCny", "150000");
        fill(milestone, "note", "正式签约");
        assertThat(submit(milestone).getText()).startsWith("已记录（事件 ").endsWith("序号 1）。");
        browser.waitFor(driver -> stageCell(code).getText().equals("签约"));
        long days = ChronoUnit.DAYS.between(LocalDate.of(2024, 3, 1), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(browser.find("#projects-table tr[data-code='" + code + "'] td[data-col=days]").getText())
                .isEqualTo(String.format("%,d", days));
        browser.screenshot("workspace-milestone-recorded");

        // the same stage again: milestone-service refuses (409 stage-order) and names the field "stage"
        fill(milestone, "stage", "TALKS");
        fill(milestone, "effectiveDate", "2024-04-01");
        submit(milestone);
        assertThat(fieldError(milestone, "stage")).isEqualTo("阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。");
        assertThat(milestone.findElement(By.name("stage")).getDomAttribute("class")).contains("invalid");
        assertThat(fieldError(milestone, "effectiveDate")).isEmpty();
        assertThat(milestone.findElement(By.cssSelector(".form-error .error-box")).getDomAttribute("data-problem"))
                .isEqualTo("stage-order");
        browser.screenshot("workspace-refusal-next-to-the-field");

        // a date before the highest stage's: 422, next to the date
        fill(milestone, "stage", "LANDED");
        fill(milestone, "effectiveDate", "2024-02-01");
        submit(milestone);
        assertThat(fieldError(milestone, "effectiveDate")).isEqualTo("生效日期 2024-02-01 不能早于最高阶段的日期 2024-03-01。");
        assertThat(fieldError(milestone, "stage")).isEmpty();

        // an amount that is no amount is refused before anything is sent
        fill(milestone, "effectiveDate", "2024-04-01");
        fill(milestone, "amountCny", "一亿");
        submit(milestone);
        assertThat(fieldError(milestone, "amountCny")).isEqualTo("须为以万元计的数字，最多六位小数");

        // in English with the switch
        browser.find("#language").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("language"), "中文"));
        browser.awaitLoaded();
        new Select(browser.find("#action-project")).selectByValue(projectId);
        WebElement english = browser.find("#form-milestone");
        fill(english, "stage", "TALKS");
        fill(english, "effectiveDate", "2024-04-01");
        submit(english);
        assertThat(fieldError(english, "stage")).isEqualTo("Stage TALKS must be above the highest recorded stage SIGNED.");
        browser.screenshot("workspace-refusal-in-english");
        browser.find("#language").click();

        assertThat(history(projectId, 2)).extracting(event -> event.get("type").asString())
                .as("nothing refused was recorded").containsExactly("ProjectRegistered", "MilestoneRecorded");
        JsonNode registered = history(projectId, 2).get(0).get("data");
        assertThat(registered.get("district").asString()).isEqualTo(DISTRICT);
        assertThat(registered.get("plannedInvestmentCny").asString()).isEqualTo("1500000000.00");
    }

    @Test
    void everyActionOfTheContractHasAFormThatRecordsIt() throws Exception {
        String projectId = listed(system.register(OFFICE, DISTRICT, "biomedicine", "800000000.00"));
        browser.logIn(OFFICE).go("/district.html").awaitLoaded();
        choose(projectId);

        act("milestone", "stage", "SIGNED", "effectiveDate", "2024-02-01");
        act("correction", "stage", "SIGNED", "effectiveDate", "2024-02-05", "amountCny", "80000", "reason", "签约日期录入有误");
        act("milestone", "stage", "LANDED", "effectiveDate", "2024-04-01");
        actForReview(projectId, "retraction", "stage", "LANDED", "reason", "误报：尚未落地");
        act("investmentReport", "period", "2024-04", "cumulativeCompletedCny", "32000.5");
        act("amendment", "investor", "某某医药集团有限公司", "reason", "投资方更名");
        act("suspension", "effectiveDate", "2024-05-01", "reason", "资金未到位");
        act("resumption", "effectiveDate", "2024-06-01", "reason", "资金到位");
        actForReview(projectId, "termination", "effectiveDate", "2024-07-01", "reason", "投资方退出");
        browser.go("/district.html").awaitLoaded();
        browser.waitFor(driver -> browser.find("#projects-table tr[data-project='" + projectId + "'] .badge")
                .getText().equals("终止"));
        browser.screenshot("workspace-every-action");

        // the retraction and the termination waited for the district's reviewer, who approved them
        List<JsonNode> events = history(projectId, 14);
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly("ProjectRegistered",
                "MilestoneRecorded", "MilestoneCorrected", "MilestoneRecorded", "ChangeRequested", "ChangeApproved",
                "MilestoneRetracted", "InvestmentReported", "ProjectDetailsAmended", "ProjectSuspended", "ProjectResumed",
                "ChangeRequested", "ChangeApproved", "ProjectTerminated");
        assertThat(events.get(2).get("data").get("amountCny").asString()).isEqualTo("800000000.00");
        assertThat(events.get(7).get("data").get("cumulativeCompletedCny").asString()).isEqualTo("320005000.00");
        assertThat(events).allSatisfy(event -> assertThat(event.get("recordedBy").asString())
                .isEqualTo(List.of("ChangeApproved", "MilestoneRetracted", "ProjectTerminated")
                        .contains(event.get("type").asString()) ? REVIEWER : OFFICE));
    }

    @Test
    void aDoubleSubmissionRecordsOnce() throws Exception {
        String projectId = listed(system.register(OFFICE, DISTRICT, "aerospace", "300000000.00"));
        browser.logIn(OFFICE).go("/district.html").awaitLoaded();
        choose(projectId);
        browser.find("#tab-investmentReport").click();
        WebElement form = browser.find("#form-investmentReport");
        fill(form, "period", "2024-05");
        fill(form, "cumulativeCompletedCny", "12000");

        // two submissions before the first is answered: the second is not sent
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].requestSubmit(); arguments[0].requestSubmit();", form);
        awaitIdle(form);
        WebElement first = form.findElement(By.cssSelector(".form-ok .ok-box"));
        assertThat(first.getText()).startsWith("已记录");
        String event = first.getDomAttribute("data-event");
        // the same content sent again carries the same Idempotency-Key: milestone-service answers with the same event
        WebElement again = submit(form);
        assertThat(again.getDomAttribute("data-event")).isEqualTo(event);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> historySize(projectId) == 2);
        assertThat(history(projectId, 2).get(1).get("type").asString()).isEqualTo("InvestmentReported");
        assertThat(history(projectId, 2).get(1).get("id").asString()).isEqualTo(event);
    }

    @Test
    void anUploadThroughThePageShowsItsReport() throws Exception {
        String code = "DL-X-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("workspace-import-", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("导入数据");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("操作", "项目编号", "项目名称", "所在区", "产业链", "投资方", "计划总投资（万元）", "园区", "阶段", "日期",
                    "金额（万元）", "报告期", "累计完成投资（万元）", "原因或备注"));
            rows.add(List.of("登记项目", code, "东丽智能装备园", "东丽区", "高端装备", "某装备集团", "50000", "", "", "", "", "", "", ""));
            rows.add(List.of("记录里程碑", code, "", "", "", "", "", "", "签约", "2024-03-01", "", "", "", ""));
            rows.add(List.of("记录里程碑", code, "", "", "", "", "", "", "在谈", "2024-04-01", "", "", "", ""));
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        line.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        browser.logIn(OFFICE).go("/district.html").awaitLoaded();
        assertThat(browser.find("#template-link").getDomAttribute("href")).isEqualTo("/web/import/template.xlsx");

        browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#import-submit").click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-imported]")));

        assertThat(browser.driver.findElements(By.cssSelector("#import-report tbody tr")))
                .extracting(tr -> tr.getDomAttribute("data-row") + " " + tr.getDomAttribute("data-outcome"))
                .containsExactly("2 ACCEPTED", "3 ACCEPTED", "4 REFUSED");
        assertThat(browser.find("#import-report tr[data-row='4'] td.message").getText())
                .isEqualTo("「阶段」阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。");
        assertThat(browser.find("#import-report-link").getDomAttribute("href")).matches("/web/imports/[0-9a-f-]+/report\\.xlsx");
        browser.screenshot("workspace-import-report");
        // the page redraws its list for a few seconds after an import; the read side may take longer on a busy machine
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode item : system.read(system.funnel, OFFICE, "/api/projects?district=" + DISTRICT + "&size=200")
                    .get("items")) {
                if (item.get("code").asString().equals(code)) {
                    return item.get("stage").isObject() && item.get("stage").get("code").asString().equals("SIGNED");
                }
            }
            return false;
        });
        browser.go("/district.html").awaitLoaded();
        browser.waitFor(driver -> stageCell(code).getText().equals("签约"));
        Files.deleteIfExists(file);
    }

    /** Fills the form of an action and submits it; it must be recorded. */
    private void act(String action, String... namesAndValues) {
        browser.find("#tab-" + action).click();
        WebElement form = browser.find("#form-" + action);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fill(form, namesAndValues[i], namesAndValues[i + 1]);
        }
        WebElement result = submit(form);
        assertThat(result.getText()).as(action + ": " + form.getText()).startsWith("已记录");
    }

    /**
     * A change of the past above the review bounds: the page says it was submitted for review, and the district's
     * reviewer approves it (through the API; ReviewBrowserIT approves in the page) once it is in the queue.
     */
    private void actForReview(String projectId, String action, String... namesAndValues) throws Exception {
        browser.find("#tab-" + action).click();
        WebElement form = browser.find("#form-" + action);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fill(form, namesAndValues[i], namesAndValues[i + 1]);
        }
        assertThat(submit(form).getText()).as(action + ": " + form.getText()).startsWith("已提交审核");
        String request = await().atMost(Duration.ofSeconds(30)).until(() -> pendingRequestOf(projectId),
                found -> found != null);
        HttpResponse<String> approved = system.post(REVIEWER, "/api/projects/" + projectId + "/requests/" + request
                + "/approval", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    }

    private static String pendingRequestOf(String projectId) throws Exception {
        for (JsonNode request : system.read(system.funnel, REVIEWER, "/api/requests?status=pending&district=" + DISTRICT)
                .get("requests")) {
            if (request.get("projectId").asString().equals(projectId)) {
                return request.get("requestId").asString();
            }
        }
        return null;
    }

    private void choose(String projectId) {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#action-project option[value='" + projectId + "']")));
        new Select(browser.find("#action-project")).selectByValue(projectId);
    }

    private void fill(WebElement form, String name, String value) {
        WebElement field = form.findElement(By.name(name));
        String type = field.getDomAttribute("type");
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
            ((JavascriptExecutor) browser.driver).executeScript(
                    "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", field);
        } else if ("date".equals(type) || "month".equals(type)) {
            // typing into date pickers depends on the browser's locale; the value is what the form reads
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /** Submits and waits until the answer is shown; answers the success box, or the error box. */
    private WebElement submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitIdle(form);
        return browser.waitFor(driver -> {
            List<WebElement> shown = form.findElements(By.cssSelector(".form-ok .ok-box, .form-error .error-box"));
            List<WebElement> fieldErrors = form.findElements(By.cssSelector(".field-error")).stream()
                    .filter(error -> !error.getText().isEmpty()).toList();
            return !shown.isEmpty() ? shown.get(0) : fieldErrors.isEmpty() ? null : fieldErrors.get(0);
        });
    }

    private void awaitIdle(WebElement form) {
        browser.waitFor(driver -> !"true".equals(form.getDomAttribute("data-busy")));
    }

    private String fieldError(WebElement form, String field) {
        return form.findElement(By.cssSelector("[data-error-for='" + field + "']")).getText();
    }

    private WebElement stageCell(String code) {
        return browser.find("#projects-table tr[data-code='" + code + "'] td[data-col=stage]");
    }

    /** The project once funnel-service lists it (the workspace's list is funnel-service's). */
    private static String listed(String projectId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.get(system.funnel, OFFICE, "/api/projects/" + projectId).statusCode() == 200);
        return projectId;
    }

    private static int historySize(String projectId) throws Exception {
        var answer = system.get(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history");
        return answer.statusCode() == 200 ? RunningSystem.JSON.readTree(answer.body()).get("events").size() : 0;
    }

    /** The project's history once the ledger holds this many events. */
    private static List<JsonNode> history(String projectId, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> historySize(projectId) == events);
        List<JsonNode> all = new ArrayList<>();
        try {
            system.read(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history").get("events").forEach(all::add);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return all;
    }
}
