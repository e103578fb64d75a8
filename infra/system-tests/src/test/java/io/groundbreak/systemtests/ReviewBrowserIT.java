package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 in a real headless Chromium, on the running system: the coordination office (ADMIN) sees a pair registered
 * by two districts among the dashboard's duplicate candidates, with both projects side by side, decides it is one
 * project, and the duplicate is marked on the project list; a district office's retraction (every retraction is above
 * the review bounds) is submitted for review and waits in the workspace's queue, where the office may only withdraw
 * it, and the district's REVIEWER approves it, which retracts the milestone. 滨海新区 (120116) and 红桥区 (120106) ×
 * new energy are this class's corner. Screenshots review-*.png.
 */
class ReviewBrowserIT extends BrowserTest {

    private static final String DISTRICT = "120116";
    private static final String OFFICE = "d" + DISTRICT;
    private static final String REVIEWER = "r" + DISTRICT;
    private static final String OTHER_DISTRICT = "120106";
    private static final String CHAIN = "new-energy";

    @Test
    void anAdminSeesAnOpenCandidateWithItsEvidenceAndDecidesItIsOneProject() throws Exception {
        String nonce = UUID.randomUUID().toString().substring(0, 6);
        String primary = register(OFFICE, DISTRICT, "海河" + nonce + "储能电池项目", nonce + "储能科技股份有限公司", "2000000000.00");
        String duplicate = register("d" + OTHER_DISTRICT, OTHER_DISTRICT, "海河" + nonce + "储能电池建设项目",
                nonce + "储能科技有限公司", "1800000000.00");
        String pair = Stream.of(primary, duplicate).sorted().reduce((a, b) -> a + "~" + b).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                system.read(system.funnel, "admin", "/api/duplicates?status=open&chain=" + CHAIN).toString().contains(primary));

        browser.logIn("admin").go("/dashboard.html").awaitLoaded();
        WebElement card = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#duplicates-card .pair[data-pair='" + pair + "']")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", card);
        String codes = card.findElement(By.cssSelector("tr[data-fact='code']")).getText();
        assertThat(codes).contains(code(primary), code(duplicate));
        assertThat(card.findElement(By.cssSelector("tr[data-fact='district']")).getText()).contains("滨海新区", "红桥区");
        assertThat(card.findElement(By.cssSelector("td[data-evidence='investor']")).getText()).isEqualTo("100%");
        browser.screenshot("review-duplicate-candidate");

        WebElement form = card.findElement(By.cssSelector("form.decision-form"));
        form.findElement(By.cssSelector("input[value='same:" + primary + "']")).click();
        form.findElement(By.name("reason")).sendKeys("同一投资方的同一项目，两区重复登记");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // the text is read inside the wait: the list re-renders once funnel-service has followed the decision
        browser.waitFor(ExpectedConditions.textMatches(By.cssSelector(
                "form.decision-form[data-pair='" + pair + "'] .ok-box"), Pattern.compile("^已认定")));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#duplicates-card .pair[data-pair='" + pair + "']")));

        JsonNode decided = find(system.read(system.funnel, "admin", "/api/duplicates?status=decided&chain=" + CHAIN)
                .get("candidates"), "id", pair);
        assertThat(decided.get("decision").get("same").asBoolean()).isTrue();
        assertThat(decided.get("decision").get("primaryProjectId").asString()).isEqualTo(primary);
        assertThat(decided.get("decision").get("decidedBy").asString()).isEqualTo("admin");

        browser.find("#duplicates-tab-decided").click();
        WebElement decidedPair = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#duplicates-card .pair[data-pair='" + pair + "'] .decision")));
        assertThat(decidedPair.getText()).contains("认定为同一项目，以 " + code(primary) + " 为准", "admin");
        assertThat(browser.driver.findElements(By.cssSelector("#duplicates-card .pair[data-pair='" + pair + "'] .reverse")))
                .as("a decision is reversed by another").hasSize(1);

        // the duplicate stays on its district's list, marked
        await().atMost(Duration.ofSeconds(30)).until(() -> system.read(system.funnel, "admin", "/api/projects/" + duplicate)
                .toString().contains("duplicateOf"));
        browser.go("/projects.html?district=" + OTHER_DISTRICT + "&chain=" + CHAIN).awaitLoaded();
        assertThat(browser.find("#projects-table tr[data-project='" + duplicate + "'] .badge.duplicate").getText())
                .isEqualTo("重复项目，计入 " + code(primary) + "（滨海新区）");
        browser.screenshot("review-duplicate-marked");
    }

    @Test
    void anOfficesRetractionWaitsInTheQueueAndItsReviewerApprovesIt() throws Exception {
        String nonce = UUID.randomUUID().toString().substring(0, 6);
        String project = register(OFFICE, DISTRICT, "临港" + nonce + "氢能装备项目", nonce + "氢能有限公司", "600000000.00");
        assertThat(system.post(OFFICE, "/api/projects/" + project + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}").statusCode()).isEqualTo(201);
        // funnel-service answers 404 until the project's first events have arrived
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SIGNED".equals(stage(project)));

        browser.logIn(OFFICE).go("/district.html").awaitLoaded();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#action-project option[value='" + project + "']")));
        new Select(browser.find("#action-project")).selectByValue(project);
        browser.find("#tab-retraction").click();
        WebElement form = browser.find("#form-retraction");
        new Select(form.findElement(By.name("stage"))).selectByValue("SIGNED");
        form.findElement(By.name("reason")).sendKeys("误报：尚未签约");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement submitted = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#form-retraction .form-ok .ok-box[data-request]")));
        assertThat(submitted.getText()).startsWith("已提交审核");
        String request = submitted.getDomAttribute("data-request");

        WebElement pending = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#requests-table tr[data-request='" + request + "']")));
        assertThat(pending.getText()).contains(code(project), "撤回里程碑", "撤回「签约」", "误报：尚未签约", OFFICE);
        assertThat(buttons(pending)).as("the requester withdraws, never approves").containsExactly("withdrawal");
        browser.screenshot("review-pending-in-the-queue");
        assertThat(stage(project)).as("a pending request changes nothing").isEqualTo("SIGNED");

        try (Browser reviewer = Browser.open(system.web.url("").toString())) {
            reviewer.logIn(REVIEWER);
            assertThat(reviewer.driver.getCurrentUrl()).as("a reviewer starts in the workspace").endsWith("/district.html");
            reviewer.awaitLoaded();
            assertThat(reviewer.driver.findElements(By.cssSelector("#actions-card, #register-card, #import-card")))
                    .as("a reviewer records nothing itself").isEmpty();
            WebElement row = reviewer.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#requests-table tr[data-request='" + request + "']")));
            assertThat(buttons(row)).containsExactly("approval", "rejection");
            row.findElement(By.cssSelector("button[data-step='approval']")).click();
            row.findElement(By.name("note")).sendKeys("核实无误");
            row.findElement(By.id("confirm-approval-" + request)).click();
            WebElement approved = reviewer.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#requests-message .ok-box[data-step='approval']")));
            assertThat(approved.getText()).contains("已批准");
            reviewer.waitFor(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("#requests-table tr[data-request='" + request + "']")));
            reviewer.screenshot("review-approved");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> stage(project) == null);
        JsonNode closed = find(system.read(system.funnel, OFFICE, "/api/requests?status=approved&district=" + DISTRICT)
                .get("requests"), "requestId", request);
        assertThat(closed.get("closedBy").asString()).isEqualTo(REVIEWER);
        assertThat(closed.get("requestedBy").asString()).isEqualTo(OFFICE);
    }

    private static String register(String user, String district, String name, String investor, String amount) throws Exception {
        return system.registerProject(user, """
                {"code":"TJ-R-%s","name":"%s","district":"%s","chain":"%s","investor":"%s","plannedInvestmentCny":"%s"}
                """.formatted(UUID.randomUUID(), name, district, CHAIN, investor, amount));
    }

    private static String code(String project) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.get(system.funnel, "admin", "/api/projects/" + project).statusCode() == 200);
        return system.read(system.funnel, "admin", "/api/projects/" + project).get("project").get("code").asString();
    }

    /** The project's stage as funnel-service shows it (null before any). */
    private static String stage(String project) throws Exception {
        JsonNode stage = system.read(system.funnel, OFFICE, "/api/projects/" + project).get("project").get("stage");
        return stage == null || stage.isNull() ? null : stage.get("code").asString();
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + items);
    }

    private static List<String> buttons(WebElement row) {
        return row.findElements(By.cssSelector("button[data-step]")).stream().map(button -> button.getDomAttribute("data-step"))
                .toList();
    }
}
