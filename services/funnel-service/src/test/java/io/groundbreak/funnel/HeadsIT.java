package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/admin/heads}: every project's last applied sequence and hash in the active read model, ordered
 * by project id, for auditors and admins. District 120111 and 2021 dates are this class's.
 */
class HeadsIT extends FunnelServiceTestBase {

    @Test
    void eachProjectsLastAppliedEventIsItsHead() {
        ProjectStream project = new ProjectStream("120111");
        ProjectStream behind = new ProjectStream("120111");
        EventEnvelope registration = project.next(registered(project.projectId, "120111", "automotive", "10.00"));
        EventEnvelope talks = project.next(milestone(project.projectId, Stage.TALKS, "2021-01-01"));
        EventEnvelope behindRegistration = behind.next(registered(behind.projectId, "120111", "automotive", "10.00"));
        EventEnvelope parked = behind.forged(2, behindRegistration.hash(), milestone(behind.projectId, Stage.TALKS, "2021-01-02"));
        publish(registration, talks, behindRegistration, parked);

        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(headOf(project.projectId.toString())).isEqualTo("1 " + talks.hash());
            assertThat(headOf(behind.projectId.toString())).isEqualTo("0 " + behindRegistration.hash());
        });
        Http.Answer answer = http().get("/api/admin/heads", "auditor");
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().get("source").asString()).isEqualTo("funnel-service");
        List<String> ids = new ArrayList<>();
        answer.body().get("projects").forEach(head -> {
            ids.add(head.get("projectId").asString());
            assertThat(head.get("hash").asString()).matches("[0-9a-f]{64}");
        });
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        assertThat(http().get("/api/admin/heads", "admin").status()).isEqualTo(200);
        assertThat(http().get("/api/admin/heads", "leader").status()).isEqualTo(403);
        assertThat(http().get("/api/admin/heads", "d120111").status()).isEqualTo(403);
        assertThat(http().get("/api/admin/heads", null).status()).isEqualTo(401);
    }

    /** "sequence hash" of the project's head, or null when it has none. */
    private String headOf(String projectId) {
        Http.Answer answer = http().get("/api/admin/heads", "auditor");
        assertThat(answer.status()).isEqualTo(200);
        for (JsonNode head : answer.body().get("projects")) {
            if (head.get("projectId").asString().equals(projectId)) {
                return head.get("sequence").asLong() + " " + head.get("hash").asString();
            }
        }
        return null;
    }
}
