package io.groundbreak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import tools.jackson.databind.JsonNode;

/**
 * Every view of the ledger says how fresh it is: the newest event the ledger holds (by its recorded time) and when
 * it was ingested, read from the database, and the records the consumer group has not taken yet, read from the broker.
 */
class FreshnessIT extends AuditIT {

    private static final String BINDING = "projectEvents-in-0";
    private static final String DISTRICT = "120119";

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void everyViewSaysWhatTheLedgerHoldsAndHowManyRecordsWait() {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope registration = project.next(new ProjectRegistered(project.projectId, "FR-1", "Freshness", DISTRICT,
                "aerospace", "Investor", new BigDecimal("100.00"), null));
        EventEnvelope talks = project.next(milestone(project, Stage.TALKS, "2019-03-01"));
        topic.send(registration, talks);
        String history = "/api/audit/projects/" + project.projectId + "/history";
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode freshness = get(history, "auditor").json().get("freshness");
            assertThat(instant(freshness, "newestEventRecordedAt")).isEqualTo(talks.time());
            assertThat(freshness.get("lag").asLong(-1)).isZero();
        });
        for (String path : List.of(history, "/api/audit/funnel", "/api/audit/funnel?knownAt=2020-01-01T00:00:00Z",
                "POST /api/audit/verification")) {
            Instant before = Instant.now();
            TextAnswer answer = path.startsWith("POST ") ? post(path.substring(5), "auditor") : get(path, "auditor");
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
            JsonNode freshness = answer.json().get("freshness");
            assertThat(freshness.propertyNames()).as(path)
                    .containsExactly("newestEventRecordedAt", "newestEventAppliedAt", "lag", "checkedAt");
            assertThat(instant(freshness, "newestEventRecordedAt")).as(path).isEqualTo(talks.time());
            assertThat(instant(freshness, "newestEventAppliedAt")).as(path).isAfterOrEqualTo(talks.time()).isBefore(before);
            assertThat(instant(freshness, "checkedAt")).as(path).isAfterOrEqualTo(before);
        }
        assertThat(get("/api/audit/funnel", "auditor").json().get("stages")).as("the answer's own fields stay").hasSize(5);

        // the consumer stopped, as an instance that died: its records wait, and the answers say so
        bindings.changeState(BINDING, State.STOPPED);
        EventEnvelope signed = project.next(milestone(project, Stage.SIGNED, "2019-04-01"));
        try {
            topic.send(signed);
            await().atMost(PROPAGATION).untilAsserted(() ->
                    assertThat(get(history, "auditor").json().get("freshness").get("lag").asLong(-1)).isGreaterThanOrEqualTo(1));
            JsonNode waiting = get(history, "auditor").json();
            assertThat(waiting.get("events")).hasSize(2);
            assertThat(instant(waiting.get("freshness"), "newestEventRecordedAt")).isEqualTo(talks.time());
        } finally {
            bindings.changeState(BINDING, State.STARTED);
        }
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode caughtUp = get(history, "auditor").json();
            assertThat(caughtUp.get("events")).hasSize(3);
            assertThat(instant(caughtUp.get("freshness"), "newestEventRecordedAt")).isEqualTo(signed.time());
            assertThat(caughtUp.get("freshness").get("lag").asLong(-1)).isZero();
        });
    }

    private static MilestoneRecorded milestone(ProjectStream project, Stage stage, String date) {
        return new MilestoneRecorded(project.projectId, stage, LocalDate.parse(date), null, null);
    }

    private static Instant instant(JsonNode freshness, String field) {
        return Instant.parse(freshness.get(field).asString());
    }
}
