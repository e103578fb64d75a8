package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventEnvelope;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/batch} on real PostgreSQL and Kafka: each action judged as its single endpoint judges it
 * and answered one by one; good ones written, bad ones refused with their problem and nothing else written;
 * a project's actions in their order; a retried batch replays what it recorded; a batch of bad shape, or too
 * large, refused as a whole with nothing written; district offices act for their own district only, row by row;
 * the decisions on change requests as actions too, each for whom its single endpoint allows it (a reviewer's batch).
 */
class BatchIT extends ServiceTestBase {

    private static final String OFFICE = "d120116";
    private static final String REVIEWER = "r120116";

    @Test
    void goodActionsAreRecordedAndBadOnesRefusedEachWithItsOwnAnswer() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String aCode = "TJ-BATCH-A-" + a;
        String unknown = UUID.randomUUID().toString();
        long before = eventCount();

        HttpResponse<String> response = batch(OFFICE, actions(
                action("/api/projects", null, registration(a, aCode, "120116")),
                action(milestones(a), null, "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}"),
                action(milestones(a), null, "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-06\"}"),
                action(milestones(a), null, "{\"effectiveDate\":\"2024-01-06\"}"),
                action(milestones(a), null, "{\"stage\":\"FLYING\",\"effectiveDate\":\"2024-01-06\"}"),
                action(milestones(a), null, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"" + tomorrow() + "\"}"),
                action("/api/projects", null, registration(b, "TJ-BATCH-B-" + b, "120116")),
                action(milestones(unknown), null, "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}"),
                action("/api/projects", null, registration(UUID.randomUUID().toString(), aCode, "120116")),
                action(milestones(a), null, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\",\"amountCny\":\"10\"}"),
                action(milestones(a) + "/SIGNED/correction", null, "{\"effectiveDate\":\"2024-02-06\",\"reason\":\"日期有误\"}"),
                action(milestones(b), null, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}"),
                action("/api/projects/" + b + "/investment-reports", null,
                        "{\"period\":\"2024-03\",\"cumulativeCompletedCny\":\"1000\"}")), "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response).get("results");
        assertThat(results).hasSize(13);
        assertThat(statuses(results)).containsExactly(201, 201, 409, 400, 400, 422, 201, 404, 409, 201, 201, 201, 201);
        assertThat(results.get(0).get("location").asString()).isEqualTo("/api/projects/" + a);
        assertThat(results.get(0).get("body").get("projectId").asString()).isEqualTo(a);
        assertThat(results.get(0).get("replayed").asBoolean()).isFalse();
        assertThat(problem(results.get(2))).isEqualTo("stage-order");
        assertThat(results.get(2).get("problem").get("detail").asString())
                .isEqualTo("Stage TALKS must be above the highest recorded stage TALKS.");
        assertThat(results.get(2).get("problem").get("instance").asString()).isEqualTo(milestones(a));
        assertThat(problem(results.get(3))).isEqualTo("invalid-request");
        assertThat(results.get(3).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("stage");
        assertThat(results.get(3).get("problem").get("errors").get(0).get("message").asString()).isEqualTo("is required");
        assertThat(problem(results.get(4))).isEqualTo("malformed-request");
        assertThat(results.get(4).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("stage");
        assertThat(problem(results.get(5))).isEqualTo("date-in-future");
        assertThat(problem(results.get(7))).isEqualTo("unknown-project");
        assertThat(problem(results.get(8))).isEqualTo("duplicate-code");
        // the project's actions in their order: each recorded one the next in its sequence
        assertThat(List.of(results.get(0), results.get(1), results.get(9), results.get(10)))
                .extracting(result -> result.get("body").get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(results.get(9).get("body").get("stage").asString()).isEqualTo("SIGNED");
        assertThat(eventCount() - before).as("the seven good actions, nothing else").isEqualTo(7);
        assertThat(eventCount(a)).isEqualTo(4);
        assertThat(eventCount(b)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM project_code WHERE code = ?").param(aCode).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRetriedBatchReplaysWhatItRecordedAndWritesNothingTwice() {
        String project = UUID.randomUUID().toString();
        String run = UUID.randomUUID().toString();
        String[] bodies = {registration(project, "TJ-BATCH-R-" + project, "120116"),
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\"}",
                "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-02-06\"}",
                "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-03-05\"}"};
        String first = actions(
                action("/api/projects", run + "-0", bodies[0]),
                action(milestones(project), run + "-1", bodies[1]),
                action(milestones(project), run + "-2", bodies[2]));
        HttpResponse<String> once = batch(OFFICE, first, null);
        assertThat(statuses(json(once).get("results"))).containsExactly(201, 201, 409);
        long before = eventCount();

        // the same batch again, and one more action: the recorded ones replayed, the refused one judged anew
        HttpResponse<String> again = batch(OFFICE, actions(
                action("/api/projects", run + "-0", bodies[0]),
                action(milestones(project), run + "-1", bodies[1]),
                action(milestones(project), run + "-2", bodies[2]),
                action(milestones(project), run + "-3", bodies[3])), null);

        JsonNode results = json(again).get("results");
        assertThat(statuses(results)).containsExactly(201, 201, 409, 201);
        for (int i = 0; i < 2; i++) {
            assertThat(results.get(i).get("replayed").asBoolean()).isTrue();
            assertThat(results.get(i).get("body")).isEqualTo(json(once).get("results").get(i).get("body"));
        }
        assertThat(results.get(3).get("replayed").asBoolean()).isFalse();
        assertThat(results.get(3).get("body").get("sequence").asLong()).isEqualTo(2);
        assertThat(eventCount() - before).isEqualTo(1);
        assertThat(eventCount(project)).isEqualTo(3);

        // a key of this batch sent through the single endpoint with the same request: the same answer
        HttpResponse<String> single = post(OFFICE, milestones(project), bodies[1], Map.of("Idempotency-Key", run + "-1"));
        assertThat(single.statusCode()).isEqualTo(201);
        assertThat(single.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(single)).isEqualTo(results.get(1).get("body"));
    }

    @Test
    void withStopProjectOnFailureAProjectsLaterActionsAreNotAttemptedAfterARefusal() {
        String project = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        ObjectNode batch = (ObjectNode) JSON.readTree(actions(
                action("/api/projects", null, registration(project, "TJ-BATCH-S-" + project, "120116")),
                action(milestones(project), null, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\"}"),
                action(milestones(project), null, "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-02-06\"}"),
                action(milestones(project), null, "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-03-05\"}"),
                action("/api/projects", null, registration(other, "TJ-BATCH-T-" + other, "120116"))));
        batch.put("stopProjectOnFailure", true);

        JsonNode results = json(batch(OFFICE, batch.toString(), null)).get("results");

        assertThat(statuses(results)).containsExactly(201, 201, 409, 424, 201);
        assertThat(problem(results.get(3))).isEqualTo("earlier-action-failed");
        assertThat(eventCount(project)).isEqualTo(2);
        assertThat(eventCount(other)).isEqualTo(1);
    }

    @Test
    void aBatchOfBadShapeIsRefusedAsAWholeAndWritesNothing() {
        String project = UUID.randomUUID().toString();
        String good = action("/api/projects", null, registration(project, "TJ-BATCH-M-" + project, "120116"));
        long before = eventCount();

        assertProblem(batchOf(OFFICE, "{\"actions\":[" + good + ","), 400, "malformed-request");
        assertProblem(batchOf(OFFICE, "{\"actions\":[]}"), 400, "invalid-request");
        assertProblem(batchOf(OFFICE, "{}"), 400, "invalid-request");
        HttpResponse<String> unknownPath = batch(OFFICE, actions(good, action("/api/projects/" + project + "/flights",
                null, "{}")), null);
        assertProblem(unknownPath, 400, "invalid-request");
        assertThat(json(unknownPath).get("errors").get(0).get("field").asString()).isEqualTo("actions[1].path");
        HttpResponse<String> get = batchOf(OFFICE, "{\"actions\":[" + good + ",{\"method\":\"GET\",\"path\":\""
                + milestones(project) + "\",\"body\":{}}]}");
        assertProblem(get, 400, "invalid-request");
        assertThat(json(get).get("errors").get(0).get("field").asString()).isEqualTo("actions[1].method");
        assertProblem(batch(OFFICE, actions(good, action(milestones(project), null, "[1]")), null), 400, "invalid-request");

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add(good);
        }
        HttpResponse<String> large = batch(OFFICE, actions(tooMany.toArray(String[]::new)), null);
        assertProblem(large, 413, "too-many-actions");
        assertThat(json(large).get("detail").asString()).contains("1,000");

        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(project)).isZero();
    }

    @Test
    void aDistrictOfficeActsForItsOwnDistrictOnlyActionByAction() {
        String own = UUID.randomUUID().toString();
        String foreign = registerProject("120101");
        String foreignRegistration = UUID.randomUUID().toString();

        JsonNode results = json(batch(OFFICE, actions(
                action("/api/projects", null, registration(own, "TJ-BATCH-D-" + own, "120116")),
                action("/api/projects", null, registration(foreignRegistration, "TJ-BATCH-F-" + foreignRegistration, "120101")),
                action(milestones(foreign), null, "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}"),
                action(milestones(own), null, "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}")), null))
                .get("results");

        assertThat(statuses(results)).containsExactly(201, 403, 403, 201);
        assertThat(problem(results.get(1))).isEqualTo("other-district");
        assertThat(problem(results.get(2))).isEqualTo("other-district");
        assertThat(eventCount(foreign)).isEqualTo(1);
        assertThat(eventCount(foreignRegistration)).isZero();
        // roles as for the single writes: a leader writes nothing, not even in a batch
        assertProblem(batch("leader", actions(action(milestones(own), null,
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\"}")), null), 403, "forbidden");
        assertThat(eventCount(own)).isEqualTo(2);
    }

    @Test
    void anActionAboveTheReviewBoundsIsRequestedWith202AndItsRequestId() {
        String project = UUID.randomUUID().toString();
        String key = "batch-retraction-" + project;
        String retraction = action(milestones(project) + "/SIGNED/retraction", key, "{\"reason\":\"误报\"}");
        HttpResponse<String> response = batch(OFFICE, actions(
                action("/api/projects", null, registration(project, "TJ-BATCH-4E-" + project, "120116")),
                action(milestones(project), null, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\"}"),
                retraction,
                action(milestones(project) + "/SIGNED/correction", null, "{\"effectiveDate\":\"2024-02-06\",\"reason\":\"日期有误\"}")),
                null);

        JsonNode results = json(response).get("results");
        assertThat(statuses(results)).containsExactly(201, 201, 202, 201);
        JsonNode requested = results.get(2);
        String requestId = requested.get("body").get("requestId").asString();
        assertThat(requested.get("body").get("status").asString()).isEqualTo("pending");
        assertThat(requested.get("body").get("sequence").asLong()).isEqualTo(2);
        assertThat(requested.get("location").asString()).isEqualTo("/api/projects/" + project + "/requests/" + requestId);
        // the request changed nothing: the correction of SIGNED after it was recorded
        assertThat(results.get(3).get("body").get("sequence").asLong()).isEqualTo(3);
        // its Idempotency-Key replays the 202 at the single endpoint
        HttpResponse<String> replayed = post(OFFICE, milestones(project) + "/SIGNED/retraction", "{\"reason\":\"误报\"}",
                Map.of("Idempotency-Key", key));
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(json(replayed)).isEqualTo(requested.get("body"));
        assertThat(eventCount(project)).isEqualTo(4);
    }

    @Test
    void aReviewersBatchDecidesTheDistrictsRequestsEachActionAsItsSingleEndpointWouldAndReplays() {
        Pending approved = pendingRetraction("120116", OFFICE);
        Pending rejected = pendingRetraction("120116", OFFICE);
        Pending kept = pendingRetraction("120116", OFFICE);
        Pending foreign = pendingRetraction("120101", "d120101");
        String run = UUID.randomUUID().toString();
        String decisions = actions(
                action(approved.request() + "/approval", run + "-0", "{\"note\":\"已核实\"}"),
                action(rejected.request() + "/rejection", run + "-1", "{\"reason\":\"与事实不符\"}"),
                action(foreign.request() + "/approval", run + "-2", "{}"),
                action(kept.request() + "/withdrawal", run + "-3", "{}"),
                action(milestones(kept.project()), run + "-4", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-03-05\"}"),
                action(approved.request() + "/approval", run + "-5", "{}"));
        long before = eventCount();

        HttpResponse<String> response = batch(REVIEWER, decisions, "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response).get("results");
        assertThat(statuses(results)).containsExactly(201, 201, 403, 403, 403, 409);
        assertThat(problem(results.get(2))).isEqualTo("other-district");
        // a reviewer neither withdraws nor records: refused for the role, in the words of the single endpoint's 403
        assertThat(problem(results.get(3))).isEqualTo("forbidden");
        assertThat(problem(results.get(4))).isEqualTo("forbidden");
        HttpResponse<String> single = post(REVIEWER, kept.request() + "/withdrawal", "{}", Map.of("Accept-Language", "en"));
        assertProblem(single, 403, "forbidden");
        assertThat(results.get(3).get("problem").get("detail").asString()).isEqualTo(json(single).get("detail").asString());
        // the project's actions in their order: its second approval came after the first
        assertThat(problem(results.get(5))).isEqualTo("request-closed");
        assertThat(eventCount() - before).as("ChangeApproved and the retraction, ChangeRejected").isEqualTo(3);
        assertThat(eventCount(kept.project())).isEqualTo(3);
        assertThat(eventCount(foreign.project())).isEqualTo(3);

        // recorded as the single endpoint records: the approval answers with the applied retraction, by the reviewer
        List<EventEnvelope> approvedEvents = recordsOf(approved.project(), 5).stream().map(ServiceTestBase::envelope).toList();
        assertThat(approvedEvents).extracting(EventEnvelope::type).containsExactly("ProjectRegistered",
                "MilestoneRecorded", "ChangeRequested", "ChangeApproved", "MilestoneRetracted");
        assertThat(approvedEvents.subList(3, 5)).extracting(EventEnvelope::recordedBy).containsOnly(REVIEWER);
        assertThat(results.get(0).get("body").get("eventId").asString()).isEqualTo(approvedEvents.get(4).id().toString());
        assertThat(results.get(0).get("body").get("sequence").asLong()).isEqualTo(4);
        List<EventEnvelope> rejectedEvents = recordsOf(rejected.project(), 4).stream().map(ServiceTestBase::envelope).toList();
        assertThat(rejectedEvents.get(3).type()).isEqualTo("ChangeRejected");
        assertThat(rejectedEvents.get(3).recordedBy()).isEqualTo(REVIEWER);

        // the same batch again: the decisions replayed from their keys, the refusals judged anew, nothing written
        JsonNode again = json(batch(REVIEWER, decisions, "en")).get("results");
        assertThat(statuses(again)).containsExactly(201, 201, 403, 403, 403, 409);
        for (int i = 0; i < 2; i++) {
            assertThat(again.get(i).get("replayed").asBoolean()).isTrue();
            assertThat(again.get(i).get("body")).isEqualTo(results.get(i).get("body"));
        }
        assertThat(eventCount() - before).isEqualTo(3);
        // and a decision's key replays at the single endpoint: the same write
        HttpResponse<String> replayed = post(REVIEWER, approved.request() + "/approval", "{\"note\":\"已核实\"}",
                Map.of("Idempotency-Key", run + "-0"));
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(replayed)).isEqualTo(results.get(0).get("body"));
    }

    @Test
    void aDecisionInABatchIsJudgedForItsCallerAndRunsInItsProjectsOrder() {
        Pending own = pendingRetraction("120116", "admin");
        Pending asked = pendingRetraction("120116", OFFICE);
        Pending withdrawn = pendingRetraction("120116", OFFICE);

        JsonNode admins = json(batch("admin", actions(
                action(own.request() + "/approval", null, "{}"),
                action(asked.request() + "/approval", null, "{}"),
                action(milestones(asked.project()), null, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-07\"}")),
                null)).get("results");

        assertThat(statuses(admins)).containsExactly(403, 201, 201);
        assertThat(problem(admins.get(0))).isEqualTo("own-request");
        // SIGNED was retracted by the approval before the project's next action recorded it again
        assertThat(admins.get(2).get("body").get("sequence").asLong()).isEqualTo(5);
        assertThat(eventCount(own.project())).isEqualTo(3);

        // a district office does not decide, but withdraws its own request
        JsonNode office = json(batch(OFFICE, actions(
                action(withdrawn.request() + "/approval", null, "{}"),
                action(withdrawn.request() + "/rejection", null, "{\"reason\":\"不同意\"}"),
                action(withdrawn.request() + "/withdrawal", null, "{}")), null)).get("results");

        assertThat(statuses(office)).containsExactly(403, 403, 201);
        assertThat(problem(office.get(0))).isEqualTo("not-a-reviewer");
        assertThat(problem(office.get(1))).isEqualTo("not-a-reviewer");
        assertThat(office.get(2).get("body").get("sequence").asLong()).isEqualTo(3);
        assertThat(eventCount(withdrawn.project())).isEqualTo(4);
    }

    /** A project of the district with SIGNED, whose retraction, asked by the requester, waits for review. */
    private Pending pendingRetraction(String district, String requester) {
        String project = registerProject(district);
        assertThat(post("d" + district, milestones(project), "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> asked = post(requester, milestones(project) + "/SIGNED/retraction", "{\"reason\":\"误报\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        return new Pending(project, "/api/projects/" + project + "/requests/" + json(asked).get("requestId").asString());
    }

    /** A project and the path of its change request that waits for review. */
    private record Pending(String project, String request) {
    }

    private HttpResponse<String> batch(String user, String body, String language) {
        return post(user, "/api/batch", body, language == null ? Map.of() : Map.of("Accept-Language", language));
    }

    private HttpResponse<String> batchOf(String user, String body) {
        return post(user, "/api/batch", body);
    }

    private static String actions(String... actions) {
        return "{\"actions\":[" + String.join(",", actions) + "]}";
    }

    private static String action(String path, String key, String body) {
        ObjectNode action = JSON.createObjectNode();
        action.put("method", "POST");
        action.put("path", path);
        if (key != null) {
            action.put("idempotencyKey", key);
        }
        action.set("body", JSON.readTree(body));
        return action.toString();
    }

    private static String registration(String projectId, String code, String district) {
        ObjectNode body = (ObjectNode) JSON.readTree(registration(district, code));
        body.put("projectId", projectId);
        return body.toString();
    }

    private static String milestones(String projectId) {
        return "/api/projects/" + projectId + "/milestones";
    }

    private static List<Integer> statuses(JsonNode results) {
        List<Integer> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.get("status").asInt()));
        return statuses;
    }

    private static String problem(JsonNode result) {
        return result.get("problem").get("type").asString().replace("urn:groundbreak:problem:", "");
    }
}
