package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectRegistered;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Schema 1.1's fields through the API (issue 19): registered and amended, single and in a batch, published as sent;
 * every wrong one refused as problem+json naming its field, with nothing written.
 */
class SupervisionFieldsIT extends ServiceTestBase {

    private static final String PLANS = """
            "plannedDates":{"signed":"2025-03-31","landed":"2025-06-30","started":"2025-09-30","producing":"2026-12-31"}""";

    @Test
    void aRegistrationAndAnAmendmentCarryPlansPersonsAndSourceOntoTheTopic() {
        String code = "TJ-" + UUID.randomUUID();
        HttpResponse<String> registered = post("d120116", "/api/projects", registration("120116", code)
                .replace("\"plannedInvestmentCny\"", PLANS + ",\"responsiblePerson\":\" 张伟 \",\"responsibleLeader\":\"李明（副区长）\","
                        + "\"source\":\"world-intelligence-expo\",\"plannedInvestmentCny\""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String projectId = json(registered).get("projectId").asString();
        HttpResponse<String> amended = post("d120116", "/api/projects/" + projectId + "/amendment",
                "{\"plannedDates\":{\"signed\":\"2025-03-31\",\"landed\":\"2025-08-31\"},\"source\":\"beijing-tianjin-hebei\","
                        + "\"reason\":\"土地摘牌延期\"}");
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);

        List<io.groundbreak.events.EventEnvelope> events = recordsOf(projectId, 2).stream().map(ServiceTestBase::envelope).toList();
        ProjectRegistered registration = (ProjectRegistered) events.get(0).data();
        assertThat(registration.plannedDates()).isEqualTo(new PlannedDates(LocalDate.parse("2025-03-31"),
                LocalDate.parse("2025-06-30"), LocalDate.parse("2025-09-30"), LocalDate.parse("2026-12-31")));
        assertThat(List.of(registration.responsiblePerson(), registration.responsibleLeader(), registration.source()))
                .containsExactly("张伟", "李明（副区长）", "world-intelligence-expo");
        ProjectDetailsAmended amendment = (ProjectDetailsAmended) events.get(1).data();
        // only what changes: the signing plan is the same, so it is left out
        assertThat(amendment.plannedDates()).isEqualTo(new PlannedDates(null, LocalDate.parse("2025-08-31"), null, null));
        assertThat(amendment.source()).isEqualTo("beijing-tianjin-hebei");
        assertThat(amendment.responsiblePerson()).isNull();
        assertThat(events).allSatisfy(event -> assertThat(event.hashIsIntact()).isTrue());
    }

    @Test
    void wrongSupervisionFieldsAreRefusedFieldByFieldAndNothingIsWritten() {
        long before = eventCount();
        String registration = registration("120116", "TJ-" + UUID.randomUUID());

        HttpResponse<String> unknownSource = post("d120116", "/api/projects",
                registration.replace("\"plannedInvestmentCny\"", "\"source\":\"wic\",\"plannedDates\":{},\"plannedInvestmentCny\""));
        assertProblem(unknownSource, 400, "invalid-request");
        assertThat(fields(json(unknownSource))).containsExactlyInAnyOrder("source", "plannedDates");

        HttpResponse<String> outOfOrder = post("d120116", "/api/projects", registration.replace("\"plannedInvestmentCny\"",
                "\"plannedDates\":{\"signed\":\"2025-06-30\",\"landed\":\"2025-03-31\"},\"plannedInvestmentCny\""),
                Map.of("Accept-Language", "en"));
        assertProblem(outOfOrder, 422, "planned-dates-out-of-order");
        assertThat(fields(json(outOfOrder))).containsExactly("plannedDates.landed");
        assertThat(json(outOfOrder).get("detail").asString()).contains("2025-03-31").contains("2025-06-30");

        HttpResponse<String> notADate = post("d120116", "/api/projects",
                registration.replace("\"plannedInvestmentCny\"", "\"plannedDates\":{\"landed\":\"2025-06-31\"},\"plannedInvestmentCny\""));
        assertProblem(notADate, 400, "malformed-request");

        HttpResponse<String> blankPerson = post("d120116", "/api/projects",
                registration.replace("\"plannedInvestmentCny\"", "\"responsiblePerson\":\"  \",\"responsibleLeader\":\"a\\u0001b\",\"plannedInvestmentCny\""));
        assertProblem(blankPerson, 400, "invalid-request");
        assertThat(fields(json(blankPerson))).containsExactlyInAnyOrder("responsiblePerson", "responsibleLeader");
        assertThat(eventCount()).isEqualTo(before);

        String projectId = registerProject("120116");
        String path = "/api/projects/" + projectId;
        assertThat(post("d120116", path + "/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}").statusCode())
                .isEqualTo(201);
        long project = eventCount(projectId);
        assertProblem(post("d120116", path + "/amendment", "{\"plannedDates\":{\"signed\":\"2025-01-01\"},\"reason\":\"计划\"}"),
                409, "planned-stage-reached");
        assertProblem(post("d120116", path + "/amendment", "{\"plannedDates\":{\"landed\":\"2025-01-01\"}}"), 400, "invalid-request");
        assertProblem(post("d120116", path + "/amendment", "{\"source\":\"nowhere\",\"reason\":\"来源\"}"), 400, "invalid-request");
        assertThat(eventCount(projectId)).isEqualTo(project);
    }

    @Test
    void aBatchJudgesTheNewFieldsAsTheSingleEndpointDoes() {
        String id = UUID.randomUUID().toString();
        String body = """
                {"actions":[
                  {"method":"POST","path":"/api/projects","body":%s},
                  {"method":"POST","path":"/api/projects/%s/amendment","body":{"plannedDates":{"producing":"2025-01-01"},"reason":"提前"}},
                  {"method":"POST","path":"/api/projects/%s/amendment","body":{"responsibleLeader":"赵局长","reason":"调整"}}]}"""
                .formatted(registration("120116", "TJ-" + id).replace("{\"code\"", "{\"projectId\":\"" + id + "\",\"code\"")
                        .replace("\"plannedInvestmentCny\"", PLANS + ",\"plannedInvestmentCny\""), id, id);
        HttpResponse<String> answer = post("d120116", "/api/batch", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode results = json(answer).get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(1).at("/problem/type").asString()).isEqualTo("urn:groundbreak:problem:planned-dates-out-of-order");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(201);
    }

}
