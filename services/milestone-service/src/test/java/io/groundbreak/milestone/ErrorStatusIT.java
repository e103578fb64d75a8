package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every error status of docs/api.md, as problem+json, and none of them writes anything. */
class ErrorStatusIT extends ServiceTestBase {

    private static final String STARTED = "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-05-02\"}";

    @Test
    void malformedOrInvalidBodiesAre400WithTheOffendingFields() {
        String project = "/api/projects/" + registerProject("120103");
        long before = eventCount();

        HttpResponse<String> invalid = post("d120103", project + "/milestones", "{\"stage\":\"STARTED\",\"amountCny\":\"12.345\"}");
        assertProblem(invalid, 400, "invalid-request");
        assertThat(fields(invalid)).contains("effectiveDate", "amountCny");
        assertProblem(post("d120103", project + "/milestones", "{not json"), 400, "malformed-request");
        HttpResponse<String> badStage = post("d120103", project + "/milestones", "{\"stage\":\"FLYING\",\"effectiveDate\":\"2024-05-02\"}");
        assertProblem(badStage, 400, "malformed-request");
        assertThat(fields(badStage)).contains("stage");
        assertProblem(post("d120103", project + "/milestones/FLYING/retraction", "{\"reason\":\"x\"}"), 400, "invalid-request");
        assertProblem(post("d120103", project + "/milestones", STARTED, Map.of("Content-Type", "text/plain")),
                400, "malformed-request");
        HttpResponse<String> district = post("d120103", project + "/amendment", "{\"district\":\"120101\",\"reason\":\"搬迁\"}");
        assertProblem(district, 400, "invalid-request");
        assertThat(fields(district)).contains("district");
        assertProblem(post("d120103", project + "/amendment", "{\"reason\":\"无内容\"}"), 400, "invalid-request");
        assertProblem(post("d120103", "/api/projects", registration("120103", "TJ-" + UUID.randomUUID())
                .replace("new-energy", "no-such-chain")), 400, "invalid-request");
        assertProblem(post("d120103", project + "/investment-reports", "{\"period\":\"2024-13\",\"cumulativeCompletedCny\":\"1\"}"),
                400, "malformed-request");
        assertProblem(post("d120103", project + "/suspension", "{\"effectiveDate\":\"2024-05-02\",\"reason\":\"  \"}"),
                400, "invalid-request");
        assertThat(post("d120103", project + "/milestones", STARTED, Map.of("Accept", "image/png")).statusCode())
                .isEqualTo(406);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void noCredentialsIs401AndWrongRoleOrDistrictIs403() {
        String project = "/api/projects/" + registerProject("120103");
        long before = eventCount();

        assertProblem(post(null, "/api/projects", "{}"), 401, "unauthenticated");
        assertProblem(post("leader", project + "/milestones", STARTED), 403, "forbidden");
        assertProblem(post("auditor", project + "/milestones", STARTED), 403, "forbidden");
        assertProblem(post("d120104", project + "/milestones", STARTED), 403, "other-district");
        assertProblem(post("d120104", "/api/projects", registration("120103", "TJ-" + UUID.randomUUID())), 403, "other-district");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anUnknownProjectIs404() {
        assertProblem(post("d120103", "/api/projects/" + UUID.randomUUID() + "/milestones", STARTED), 404, "unknown-project");
        assertProblem(post("d120103", "/api/projects/not-a-uuid/suspension",
                "{\"effectiveDate\":\"2024-05-02\",\"reason\":\"暂停\"}"), 404, "unknown-project");
    }

    @Test
    void brokenRulesAre409AndBrokenDateRulesAre422() {
        String project = "/api/projects/" + registerProject("120103");
        post("d120103", project + "/milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-01\"}");
        long before = eventCount();

        assertProblem(post("d120103", project + "/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-05-02\"}"),
                409, "stage-order");
        assertProblem(post("d120103", project + "/milestones/SIGNED/retraction", "{\"reason\":\"误报\"}"), 409, "not-highest-stage");
        HttpResponse<String> future = post("d120103", project + "/milestones",
                "{\"stage\":\"STARTED\",\"effectiveDate\":\"" + tomorrow() + "\"}");
        assertProblem(future, 422, "date-in-future");
        assertThat(fields(future)).containsExactly("effectiveDate");
        assertProblem(post("d120103", project + "/milestones", "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-04-30\"}"),
                422, "date-before-highest-stage");
        assertProblem(post("d120103", project + "/milestones/LANDED/correction",
                "{\"effectiveDate\":\"" + tomorrow() + "\",\"reason\":\"更正\"}"), 422, "date-in-future");
        assertThat(eventCount()).isEqualTo(before);

        post("d120103", project + "/suspension", "{\"effectiveDate\":\"2024-06-01\",\"reason\":\"暂停\"}");
        assertProblem(post("d120103", project + "/milestones", STARTED.replace("2024-05-02", "2024-06-02")), 409, "project-suspended");
        // a termination needs the reviewer's approval (four eyes)
        String termination = json(post("d120103", project + "/termination",
                "{\"effectiveDate\":\"2024-06-02\",\"reason\":\"终止\"}")).get("requestId").asString();
        assertThat(post("r120103", project + "/requests/" + termination + "/approval", "{}").statusCode()).isEqualTo(201);
        assertProblem(post("d120103", project + "/resumption", "{\"effectiveDate\":\"2024-06-03\",\"reason\":\"恢复\"}"),
                409, "project-terminated");
    }

    @Test
    void aProjectCodeIsTakenOnlyOnceAndARefusedRegistrationDoesNotTakeIt() {
        String code = "TJ-" + UUID.randomUUID();
        assertProblem(post("d120104", "/api/projects", registration("120103", code)), 403, "other-district");
        assertThat(post("d120103", "/api/projects", registration("120103", code)).statusCode()).isEqualTo(201);
        long before = eventCount();

        HttpResponse<String> duplicate = post("d120105", "/api/projects", registration("120105", code));
        assertProblem(duplicate, 409, "duplicate-code");
        assertThat(fields(duplicate)).containsExactly("code");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void detailIsChineseByDefaultAndEnglishOnRequest() {
        String body = "{\"stage\":\"STARTED\"}";
        String path = "/api/projects/" + UUID.randomUUID() + "/milestones";

        assertThat(json(post("d120103", path, body)).get("detail").asString()).isEqualTo("部分字段无效。");
        HttpResponse<String> english = post("d120103", path, body, Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(json(english).get("detail").asString()).isEqualTo("Some fields are invalid.");
        assertThat(json(english).get("errors").get(0).get("message").asString()).isEqualTo("is required");
        assertThat(json(post("d120103", path, STARTED)).get("detail").asString()).isEqualTo("项目不存在。");
        assertThat(json(post("d120103", path, STARTED, Map.of("Accept-Language", "en"))).get("detail").asString())
                .isEqualTo("No such project.");
        assertThat(json(post(null, path, STARTED)).get("detail").asString()).isEqualTo("缺少身份凭据，或凭据错误。");
        assertThat(json(post(null, path, STARTED, Map.of("Accept-Language", "en"))).get("detail").asString())
                .isEqualTo("Credentials are missing or wrong.");
    }

    private static java.util.List<String> fields(HttpResponse<String> response) {
        return json(response).get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
