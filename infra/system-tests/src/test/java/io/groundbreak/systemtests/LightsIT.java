package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The lights (亮灯, issue 19) in a real headless Chromium, on the running system: the dashboard's counts per district
 * and chain are funnel-service's, each project of the district workspace shows the light the API gives it, and the
 * workspace's search and filters (code, name, stage, status, light) show exactly the projects the API's list holds
 * that pass them. 河西区 (120103) × 集成电路 is this class's own corner; its projects are made red (too long in talks),
 * amber (a planned signing due in ten days; long in talks), green (just signed, suspended too) and unlit (no stage).
 */
class LightsIT extends BrowserTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "120103";
    private static final String OFFICE = "d" + DISTRICT;
    private static final String CHAIN = "integrated-circuits";

    @Test
    void theDashboardCountsAndTheWorkspacesLightsSearchAndFiltersAreTheApis() throws Exception {
        LocalDate today = LocalDate.now(CITY);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String red = project("HX-" + run + "-1", "河西晶圆厂", null);
        milestone(red, "TALKS", today.minusDays(400));
        String due = project("HX-" + run + "-2", "河西封装测试基地", "{\"signed\":\"" + today.plusDays(10) + "\"}");
        milestone(due, "TALKS", today.minusDays(10));
        String slow = project("HX-" + run + "-3", "河西光刻胶项目", null);
        milestone(slow, "TALKS", today.minusDays(200));
        String green = project("HX-" + run + "-4", "河西芯片设计园", null);
        milestone(green, "SIGNED", today.minusDays(10));
        String suspended = project("HX-" + run + "-5", "河西硅片项目", null);
        milestone(suspended, "SIGNED", today.minusDays(5));
        post(suspended, "suspension", "{\"effectiveDate\":\"" + today + "\",\"reason\":\"资金未到位\"}");
        String unlit = project("HX-" + run + "-6", "河西设备维修中心", null);
        List<String> ours = List.of(red, due, slow, green, suspended, unlit);
        await().atMost(Duration.ofSeconds(60)).until(() -> items().stream()
                .filter(item -> ours.contains(item.get("projectId").asString()))
                .filter(item -> item.get("status").asString().equals(item.get("projectId").asString().equals(suspended)
                        ? "SUSPENDED" : "ACTIVE"))
                .filter(item -> item.get("projectId").asString().equals(unlit) || item.get("stage").isObject())
                .count() == ours.size());
        Map<String, JsonNode> byId = items().stream()
                .collect(Collectors.toMap(item -> item.get("projectId").asString(), item -> item));
        assertThat(light(byId.get(red))).isEqualTo("red");
        assertThat(light(byId.get(due))).isEqualTo("amber");
        assertThat(light(byId.get(slow))).isEqualTo("amber");
        assertThat(light(byId.get(green))).isEqualTo("green");
        assertThat(light(byId.get(suspended))).as("a suspension keeps the light").isEqualTo("green");
        assertThat(light(byId.get(unlit))).as("no stage, no light").isEqualTo("none");

        // the dashboard's counts: funnel-service's, per district and per chain
        JsonNode lights = system.read(system.funnel, "leader", "/api/supervision/lights?district=" + DISTRICT + "&chain=" + CHAIN
                + "&size=1");
        browser.logIn("leader").go("/dashboard.html?district=" + DISTRICT + "&chain=" + CHAIN).awaitLoaded();
        WebElement districtRow = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#lights-district-table tr[data-scope='" + DISTRICT + "']")));
        assertThat(counts(districtRow)).isEqualTo(expectedCounts(entry(lights.get("byDistrict"), DISTRICT)));
        assertThat(counts(browser.find("#lights-chain-table tr[data-scope='" + CHAIN + "']")))
                .isEqualTo(expectedCounts(entry(lights.get("byChain"), CHAIN)));
        assertThat(expectedCounts(entry(lights.get("byDistrict"), DISTRICT)).get(0)).as("red in the corner").isPositive();
        assertThat(browser.driver.findElements(By.cssSelector("#lights-district-table tbody tr")))
                .as("only districts with a lit project").hasSize(1);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", browser.find("#lights-card"));
        browser.screenshot("lights-dashboard");

        // the workspace: every project's light as the API answers it, then each filter over the API's list
        List<JsonNode> listed = items();
        browser.close();
        browser = Browser.open(system.web.url("").toString());
        browser.logIn(OFFICE).go("/district.html");
        awaitRows(ids(listed, item -> true));
        for (JsonNode item : listed) {
            WebElement cell = browser.find("#projects-table tr[data-project='" + item.get("projectId").asString()
                    + "'] td[data-col='light'] span");
            String expected = light(item);
            assertThat(cell.getDomAttribute("data-light")).as(item.get("code").asString())
                    .isEqualTo(expected.equals("none") ? "" : expected);
            if (!expected.equals("none")) {
                assertThat(cell.getDomAttribute("title")).isEqualTo(item.get("light").get("detail").asString());
            }
        }
        browser.screenshot("lights-workspace");

        WebElement text = browser.find("#project-filter input[name='text']");
        text.sendKeys(run.toLowerCase(Locale.ROOT) + "-1");
        awaitRows(ids(listed, item -> matches(item, run.toLowerCase(Locale.ROOT) + "-1")));
        assertThat(browser.find("#project-filter-count").getText()).isEqualTo("显示 1 / " + listed.size() + " 个");
        clear(text);
        text.sendKeys("光刻胶");
        awaitRows(ids(listed, item -> matches(item, "光刻胶")));
        clear(text);
        awaitRows(ids(listed, item -> true));

        choose("stage", "TALKS");
        awaitRows(ids(listed, item -> stage(item).equals("TALKS")));
        choose("light", "amber");
        awaitRows(ids(listed, item -> stage(item).equals("TALKS") && light(item).equals("amber")));
        assertThat(ids(listed, item -> stage(item).equals("TALKS") && light(item).equals("amber"))).contains(due, slow);
        browser.screenshot("lights-workspace-talks-amber");
        choose("stage", "");
        choose("light", "none");
        awaitRows(ids(listed, item -> light(item).equals("none")));
        choose("light", "red");
        awaitRows(ids(listed, item -> light(item).equals("red")));
        choose("light", "");
        choose("status", "SUSPENDED");
        awaitRows(ids(listed, item -> item.get("status").asString().equals("SUSPENDED")));
        assertThat(ids(listed, item -> item.get("status").asString().equals("SUSPENDED"))).containsExactly(suspended);
        choose("status", "");
        awaitRows(ids(listed, item -> true));
    }

    // ---- the projects ------------------------------------------------------------------------------

    private static String project(String code, String name, String plannedDates) throws Exception {
        return system.registerProject(OFFICE, """
                {"code":"%s","name":"%s","district":"%s","chain":"%s","investor":"某集团","plannedInvestmentCny":"500000000.00"%s}
                """.formatted(code, name, DISTRICT, CHAIN, plannedDates == null ? "" : ",\"plannedDates\":" + plannedDates));
    }

    private static void milestone(String project, String stage, LocalDate date) throws Exception {
        post(project, "milestones", "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + date + "\"}");
    }

    private static void post(String project, String action, String body) throws Exception {
        HttpResponse<String> answer = system.post(OFFICE, "/api/projects/" + project + "/" + action, body);
        assertThat(answer.statusCode()).as(action + ": " + answer.body()).isEqualTo(201);
    }

    /** The district's list as the workspace reads it (one page of up to 200, by code). */
    private static List<JsonNode> items() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        system.read(system.funnel, OFFICE, "/api/projects?district=" + DISTRICT + "&size=200&sort=code").get("items")
                .forEach(items::add);
        return items;
    }

    private static String light(JsonNode item) {
        return item.get("light").isObject() ? item.get("light").get("light").asString().toLowerCase(Locale.ROOT) : "none";
    }

    private static String stage(JsonNode item) {
        return item.get("stage").isObject() ? item.get("stage").get("code").asString() : "";
    }

    /** The workspace's search: the code or the name contains the text, case aside. */
    private static boolean matches(JsonNode item, String text) {
        return item.get("code").asString().toLowerCase(Locale.ROOT).contains(text)
                || item.get("name").asString().toLowerCase(Locale.ROOT).contains(text);
    }

    private static Set<String> ids(List<JsonNode> items, Predicate<JsonNode> filter) {
        return items.stream().filter(filter).map(item -> item.get("projectId").asString()).collect(Collectors.toSet());
    }

    // ---- the pages ---------------------------------------------------------------------------------

    /** Empties a field as a user does (select all, delete), so that the page hears an input event. */
    private static void clear(WebElement field) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    }

    private void choose(String name, String value) {
        new Select(browser.find("#project-filter select[name='" + name + "']")).selectByValue(value);
    }

    /** Waits until the workspace's table shows exactly these projects. */
    private void awaitRows(Set<String> expected) {
        browser.waitFor(driver -> {
            Set<String> shown = driver.findElements(By.cssSelector("#projects-table tbody tr[data-project]")).stream()
                    .map(row -> row.getDomAttribute("data-project")).collect(Collectors.toSet());
            return shown.equals(expected) ? shown : null;
        });
    }

    private static JsonNode entry(JsonNode entries, String code) {
        for (JsonNode entry : entries) {
            if (entry.get("code").asString().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + code + " in " + entries);
    }

    private static List<Long> expectedCounts(JsonNode entry) {
        return List.of(entry.get("red").asLong(), entry.get("amber").asLong(), entry.get("green").asLong(),
                entry.get("total").asLong());
    }

    /** A row of the dashboard's light counts: red, amber, green, total. */
    private static List<Long> counts(WebElement row) {
        List<WebElement> cells = row.findElements(By.cssSelector("td.num"));
        return cells.stream().map(cell -> Long.parseLong(cell.getText().replace(",", ""))).toList();
    }
}
