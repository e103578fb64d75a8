package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import tools.jackson.databind.JsonNode;

/**
 * Every answer with figures says how fresh they are: the newest event applied (by its recorded time) and when, read
 * from the database, and the records the consumer group has not applied yet, read from the broker. District 120111
 * and 2019 dates are this class's.
 */
class FreshnessIT extends FunnelServiceTestBase {

    private static final String BINDING = "projectEvents-in-0";
    private static final String DISTRICT = "120111";

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void everyAnswerSaysWhatWasAppliedAndHowManyRecordsWait() {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope registration = project.next(registered(project.projectId, DISTRICT, "aerospace", "100.00"));
        EventEnvelope talks = project.next(milestone(project.projectId, Stage.TALKS, "2019-03-01"));
        publish(registration, talks);
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode freshness = get("/api/funnel?district=" + DISTRICT, "leader").get("freshness");
            assertThat(instant(freshness, "newestEventRecordedAt")).isEqualTo(talks.time());
            assertThat(freshness.get("lag").asLong(-1)).isZero();
        });
        String projectPath = "/api/projects/" + project.projectId;
        for (String path : List.of("/api/funnel", "/api/funnel/breakdown?by=district", "/api/funnel/breakdown?by=chain",
                "/api/funnel/cycle-times", "/api/funnel/trend", "/api/projects", "/api/projects?stalledDays=30",
                projectPath)) {
            Instant before = Instant.now();
            JsonNode freshness = get(path, "leader").get("freshness");
            assertThat(freshness.propertyNames()).as(path)
                    .containsExactly("newestEventRecordedAt", "newestEventAppliedAt", "lag", "checkedAt");
            assertThat(instant(freshness, "newestEventRecordedAt")).as(path).isEqualTo(talks.time());
            assertThat(instant(freshness, "newestEventAppliedAt")).as(path)
                    .isAfterOrEqualTo(talks.time()).isBefore(before);
            assertThat(instant(freshness, "checkedAt")).as(path).isAfterOrEqualTo(before);
        }

        // the consumer stopped, as an instance that died: its records wait, and the answers say so
        bindings.changeState(BINDING, State.STOPPED);
        EventEnvelope signed = project.next(milestone(project.projectId, Stage.SIGNED, "2019-04-01"));
        EventEnvelope landed = project.next(milestone(project.projectId, Stage.LANDED, "2019-05-01"));
        try {
            publish(signed, landed);
            await().atMost(PROPAGATION).untilAsserted(() ->
                    assertThat(get(projectPath, "leader").get("freshness").get("lag").asLong(-1)).isGreaterThanOrEqualTo(2));
            JsonNode waiting = get(projectPath, "leader");
            assertThat(waiting.get("project").get("stage").get("code").asString()).isEqualTo("TALKS");
            assertThat(instant(waiting.get("freshness"), "newestEventRecordedAt")).isEqualTo(talks.time());
        } finally {
            bindings.changeState(BINDING, State.STARTED);
        }
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode caughtUp = get(projectPath, "leader");
            assertThat(caughtUp.get("project").get("stage").get("code").asString()).isEqualTo("LANDED");
            assertThat(instant(caughtUp.get("freshness"), "newestEventRecordedAt")).isEqualTo(landed.time());
            assertThat(caughtUp.get("freshness").get("lag").asLong(-1)).isZero();
        });
    }

    private static Instant instant(JsonNode freshness, String field) {
        return Instant.parse(freshness.get(field).asString());
    }
}
