package io.groundbreak.demo.generate;

import io.groundbreak.demo.load.ApiRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/rules.md and milestone-service's README "Rules", checked again on the requests
 * exactly as they go over the wire (path and JSON body), written apart from the generator: one checker per
 * project, fed its requests in order. Stages are compared by their place in the funnel.
 */
final class MilestoneRules {

    static final List<String> STAGES = List.of("TALKS", "SIGNED", "LANDED", "STARTED", "PRODUCING");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACTION = Pattern.compile(
            "/api/projects/([0-9a-f-]{36})(/milestones|/milestones/([A-Z]+)/(correction|retraction)|/suspension"
                    + "|/resumption|/termination|/investment-reports|/amendment)");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?");

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final List<String> violations = new ArrayList<>();
    /** what a project does besides moving up one stage at a time, counted as it happens */
    private final Map<String, Integer> happenings = new HashMap<>();

    private String projectId;
    private String district;
    private final TreeMap<Integer, LocalDate> stages = new TreeMap<>();
    private LocalDate suspendedSince;
    private boolean terminated;
    private final Map<String, String> details = new HashMap<>();
    private final List<LocalDate> effectiveDates = new ArrayList<>();

    List<String> violations() {
        return violations;
    }

    Map<String, Integer> happenings() {
        return happenings;
    }

    List<LocalDate> effectiveDates() {
        return effectiveDates;
    }

    void accept(ApiRequest request) {
        JsonNode body = JSON.readTree(request.jsonBody());
        if (request.path().equals("/api/projects")) {
            register(request, body);
            return;
        }
        Matcher action = ACTION.matcher(request.path());
        if (!action.matches()) {
            violation(request, "not an endpoint of milestone-service");
            return;
        }
        if (projectId == null || !projectId.equals(action.group(1))) {
            violation(request, "not the registered project " + projectId);
            return;
        }
        if (!request.user().equals("d" + district)) {
            violation(request, "posted by " + request.user() + ", not by the office of district " + district);
        }
        if (terminated) {
            violation(request, "the project is terminated: it takes nothing");
            return;
        }
        String endpoint = action.group(4) != null ? action.group(4) : action.group(2);
        switch (endpoint) {
            case "/milestones" -> milestone(request, body);
            case "correction" -> correction(request, action.group(3), body);
            case "retraction" -> retraction(request, action.group(3));
            case "/suspension" -> suspension(request, body);
            case "/resumption" -> resumption(request, body);
            case "/termination" -> termination(request, body);
            case "/investment-reports" -> report(request, body);
            case "/amendment" -> amendment(request, body);
            default -> violation(request, "unexpected endpoint");
        }
    }

    private void register(ApiRequest request, JsonNode body) {
        if (projectId != null) {
            violation(request, "registered twice");
        }
        projectId = text(body, "projectId");
        district = text(body, "district");
        if (!request.user().equals("d" + district)) {
            violation(request, "registered by " + request.user() + " for district " + district);
        }
        for (String field : List.of("code", "name", "chain", "investor", "plannedInvestmentCny", "park")) {
            details.put(field, text(body, field));
        }
        amount(request, details.get("plannedInvestmentCny"));
    }

    private void milestone(ApiRequest request, JsonNode body) {
        int stage = STAGES.indexOf(text(body, "stage"));
        LocalDate date = date(request, text(body, "effectiveDate"));
        if (suspendedSince != null) {
            violation(request, "a milestone while suspended since " + suspendedSince);
        }
        if (stage < 0) {
            violation(request, "unknown stage");
            return;
        }
        Integer highest = stages.isEmpty() ? null : stages.lastKey();
        if (highest != null && stage <= highest) {
            violation(request, "stage " + STAGES.get(stage) + " not above " + STAGES.get(highest));
        }
        if (highest != null && date.isBefore(stages.get(highest))) {
            violation(request, "dated before the highest stage's " + stages.get(highest));
        }
        if (stage > (highest == null ? 0 : highest + 1)) {
            happened("skip");
        }
        if (body.has("amountCny")) {
            amount(request, text(body, "amountCny"));
        }
        stages.put(stage, date);
    }

    private void correction(ApiRequest request, String stageName, JsonNode body) {
        int stage = STAGES.indexOf(stageName);
        LocalDate date = date(request, text(body, "effectiveDate"));
        if (!stages.containsKey(stage)) {
            violation(request, "correction of a stage not recorded");
            return;
        }
        Map.Entry<Integer, LocalDate> below = stages.lowerEntry(stage);
        Map.Entry<Integer, LocalDate> above = stages.higherEntry(stage);
        if (below != null && date.isBefore(below.getValue()) || above != null && date.isAfter(above.getValue())) {
            violation(request, "a corrected date out of order with the stages around it");
        }
        requireReason(request, body);
        happened("correction");
        stages.put(stage, date);
    }

    private void retraction(ApiRequest request, String stageName) {
        int stage = STAGES.indexOf(stageName);
        if (stages.isEmpty() || stages.lastKey() != stage) {
            violation(request, "retraction of " + stageName + ", not the highest recorded stage");
            return;
        }
        happened("retraction");
        stages.remove(stage);
    }

    private void suspension(ApiRequest request, JsonNode body) {
        LocalDate date = date(request, text(body, "effectiveDate"));
        if (suspendedSince != null) {
            violation(request, "suspended twice");
        }
        requireNotBeforeHighestStage(request, date);
        requireReason(request, body);
        happened("suspension");
        suspendedSince = date;
    }

    private void resumption(ApiRequest request, JsonNode body) {
        LocalDate date = date(request, text(body, "effectiveDate"));
        if (suspendedSince == null) {
            violation(request, "resumed without a suspension");
        } else if (date.isBefore(suspendedSince)) {
            violation(request, "resumed before the suspension of " + suspendedSince);
        }
        requireReason(request, body);
        happened("resumption");
        suspendedSince = null;
    }

    private void termination(ApiRequest request, JsonNode body) {
        LocalDate date = date(request, text(body, "effectiveDate"));
        requireNotBeforeHighestStage(request, date);
        requireReason(request, body);
        happened("termination");
        terminated = true;
    }

    private void report(ApiRequest request, JsonNode body) {
        YearMonth period = YearMonth.parse(text(body, "period"));
        if (period.isAfter(YearMonth.from(today))) {
            violation(request, "a report for a month to come");
        }
        effectiveDates.add(period.atEndOfMonth());
        amount(request, text(body, "cumulativeCompletedCny"));
        happened("investment report");
    }

    private void amendment(ApiRequest request, JsonNode body) {
        if (body.has("district")) {
            violation(request, "the district cannot be amended");
        }
        boolean changes = false;
        for (String field : List.of("name", "chain", "investor", "plannedInvestmentCny", "park")) {
            if (!body.has(field)) {
                continue;
            }
            String now = details.get(field);
            String next = text(body, field);
            boolean same = field.equals("plannedInvestmentCny") && now != null
                    ? new BigDecimal(now).compareTo(new BigDecimal(next)) == 0
                    : next.equals(now);
            changes |= !same;
            details.put(field, next);
        }
        if (!changes) {
            violation(request, "an amendment that changes nothing");
        }
        requireReason(request, body);
        happened("amendment");
    }

    private void requireNotBeforeHighestStage(ApiRequest request, LocalDate date) {
        if (!stages.isEmpty() && date.isBefore(stages.lastEntry().getValue())) {
            violation(request, "dated before the highest stage's " + stages.lastEntry().getValue());
        }
    }

    private void requireReason(ApiRequest request, JsonNode body) {
        if (text(body, "reason") == null || text(body, "reason").isBlank()) {
            violation(request, "no reason given");
        }
    }

    private LocalDate date(ApiRequest request, String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.isAfter(today)) {
            violation(request, "dated after today");
        }
        effectiveDates.add(date);
        return date;
    }

    private void amount(ApiRequest request, String text) {
        if (text == null || !AMOUNT.matcher(text).matches()) {
            violation(request, "amount " + text + " is not a decimal string with at most two decimals");
        }
    }

    private void happened(String what) {
        happenings.merge(what, 1, Integer::sum);
    }

    private void violation(ApiRequest request, String rule) {
        violations.add(request.idempotencyKey() + " " + request.path() + " " + request.jsonBody() + ": " + rule);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
