package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.testsupport.http.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/admin/heads: each project's last event in the event store, for auditors and admins only. */
class HeadsIT extends ServiceTestBase {

    @Test
    void theHeadsAreTheLastEventOfEveryProjectAsItsHistoryOnTheTopicShowsThem() {
        String a = registerProject("120110");
        String b = registerProject("120110");
        String c = registerProject("120111");
        assertThat(post("d120110", "/api/projects/" + a + "/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-01\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post("d120110", "/api/projects/" + a + "/milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-03-01\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post("d120111", "/api/projects/" + c + "/suspension", "{\"effectiveDate\":\"2024-03-01\",\"reason\":\"暂停\"}")
                .statusCode()).isEqualTo(201);

        Http.Answer answer = new Http(port).get("/api/admin/heads", "auditor");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("source").asString()).isEqualTo("milestone-service");
        Map<String, JsonNode> heads = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        answer.body().get("projects").forEach(head -> {
            heads.put(head.get("projectId").asString(), head);
            order.add(head.get("projectId").asString());
        });
        // one entry per project of the store, ordered by projectId
        long projects = jdbc.sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry").query(Long.class).single();
        assertThat(heads).hasSize((int) projects);
        assertThat(order).isSorted();

        for (Map.Entry<String, Integer> project : Map.of(a, 3, b, 1, c, 2).entrySet()) {
            List<EventEnvelope> history = recordsOf(project.getKey(), project.getValue()).stream()
                    .map(ServiceTestBase::envelope).toList();
            EventEnvelope last = history.get(history.size() - 1);
            JsonNode head = heads.get(project.getKey());
            assertThat(head.get("sequence").asLong()).isEqualTo(project.getValue() - 1).isEqualTo(last.sequence());
            assertThat(head.get("hash").asString()).isEqualTo(last.hash()).matches("[0-9a-f]{64}");
        }
        assertThat(new Http(port).get("/api/admin/heads", "admin").body().get("projects").size())
                .isGreaterThanOrEqualTo(heads.size());
    }

    @Test
    void onlyAuditorsAndAdminsReadTheHeads() {
        Http http = new Http(port);
        assertThat(http.get("/api/admin/heads", null).status()).isEqualTo(401);
        assertThat(http.get("/api/admin/heads", "leader").status()).isEqualTo(403);
        assertThat(http.get("/api/admin/heads", "d120110").status()).isEqualTo(403);
        assertThat(http.get("/api/admin/heads", "auditor").status()).isEqualTo(200);
        assertThat(http.get("/api/admin/heads", "admin").status()).isEqualTo(200);
    }
}
