package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.model.FunnelModel;
import io.groundbreak.testsupport.events.ProjectStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blue/green rebuild: every answer is the same after the rebuilt set was switched in as before, the
 * live consumer continues on the new set, and only an admin may start it. District 120106, 2016 dates.
 */
class RebuildIT extends FunnelServiceTestBase {

    private static final List<String> ANSWERS = List.of(
            "/api/funnel?asOf=2030-01-01", "/api/funnel?asOf=2021-06-30&district=120116",
            "/api/funnel?asOf=2024-12-31&chain=new-energy", "/api/funnel/breakdown?by=district&asOf=2024-12-31",
            "/api/funnel/breakdown?by=chain&asOf=2022-12-31", "/api/funnel/cycle-times?asOf=2030-01-01",
            "/api/funnel/trend?from=2016-01&to=2025-12", "/api/projects?asOf=2030-01-01&size=200&sort=plannedInvestment,desc",
            "/api/projects?asOf=2020-01-01&size=200&stalledDays=30",
            "/api/funnel/cohorts?by=quarter&from=2016-Q1&to=2025-Q4&asOf=2030-01-01",
            "/api/funnel/cohorts?by=month&from=2019-01&to=2023-12&asOf=2022-06-30",
            "/api/projects?asOf=2030-01-01&size=200&cohort=TALKS:2021-Q1&outcome=reached");

    @Test
    void theRebuiltReadModelsAnswerExactlyAsTheIncrementallyBuiltOnes() throws Exception {
        ProjectStream project = new ProjectStream("120106");
        publish(project.next(registered(project.projectId, "120106", "green-petrochemicals", "700.00")),
                project.next(milestone(project.projectId, Stage.SIGNED, "2016-05-01")));
        await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> assertThat(
                get("/api/projects/" + project.projectId + "?asOf=2016-12-31", "leader").get("project").get("stage")
                        .get("code").asString()).isEqualTo("SIGNED"));
        List<JsonNode> incremental = answers();
        String before = get("/api/admin/rebuild", "admin").get("active").asString();

        assertThat(post("/api/admin/rebuild", "leader")).isEqualTo(403);
        assertThat(post("/api/admin/rebuild", "admin")).isEqualTo(202);

        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode status = get("/api/admin/rebuild", "admin");
            assertThat(status.get("running").asBoolean()).isFalse();
            assertThat(status.get("last").get("failure").isNull()).as(status.toString()).isTrue();
            assertThat(status.get("active").asString()).isNotEqualTo(before);
        });
        JsonNode report = get("/api/admin/rebuild", "admin").get("last");
        assertThat(report.get("applied").asLong()).isGreaterThanOrEqualTo(new FunnelModel(published()).projectIds().size());
        assertThat(answers()).isEqualTo(incremental);

        // a second rebuild in the same instance finds the lock of the first released
        assertThat(post("/api/admin/rebuild", "admin")).isEqualTo(202);
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode status = get("/api/admin/rebuild", "admin");
            assertThat(status.get("running").asBoolean()).isFalse();
            assertThat(status.get("last").get("failure").isNull()).as(status.toString()).isTrue();
            assertThat(status.get("active").asString()).isEqualTo(before);
        });
        assertThat(answers()).isEqualTo(incremental);

        publish(project.next(milestone(project.projectId, Stage.LANDED, "2016-09-01")));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
                get("/api/projects/" + project.projectId + "?asOf=2016-12-31", "leader").get("project").get("stage")
                        .get("code").asString()).isEqualTo("LANDED"));
    }

    private List<JsonNode> answers() {
        List<JsonNode> answers = new ArrayList<>();
        for (String path : ANSWERS) {
            answers.add(withoutApplyTimes(get(path, "leader")));
        }
        // every project's last applied sequence and hash: the rebuild fills the hashes too
        answers.add(get("/api/admin/heads", "auditor"));
        List<UUID> ids = new FunnelModel(published()).projectIds();
        for (UUID id : ids.subList(0, Math.min(20, ids.size()))) {
            answers.add(withoutApplyTimes(get("/api/projects/" + id + "?asOf=2030-01-01", "leader")));
        }
        return answers;
    }

    /**
     * The freshness as far as a rebuild keeps it: the newest applied event's recorded time stays (the rebuild fills
     * it), when it was applied and when it was asked do not.
     */
    private static JsonNode withoutApplyTimes(JsonNode answer) {
        ObjectNode freshness = (ObjectNode) answer.get("freshness");
        assertThat(freshness.get("newestEventRecordedAt").isNull()).as("freshness of %s", answer).isFalse();
        freshness.remove(List.of("newestEventAppliedAt", "checkedAt", "lag"));
        return answer;
    }

    private int post(String path, String user) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
