package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.milestone.envelope.Chains;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Four eyes on the past through HTTP, with the defaults of application.yml (every retraction and termination, a
 * correction by more than 30 days): the district office asks (202, nothing changes), the district's reviewer or an admin
 * approves (201: ChangeApproved and the change) or rejects, the requester may withdraw; who may do what.
 */
class FourEyesIT extends ServiceTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void aRetractionIsRequestedChangesNothingAndIsAppliedWhenTheReviewerApproves() {
        String project = projectWithLanded("120116");
        HttpResponse<String> asked = post("d120116", project + "/milestones/LANDED/retraction", "{\"reason\":\"误报\"}");

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode pending = json(asked);
        String requestId = pending.get("requestId").asString();
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("sequence").asLong()).isEqualTo(3);
        assertThat(pending.get("eventId").asString()).isNotBlank();
        assertThat(asked.headers().firstValue("Location")).hasValue(project + "/requests/" + requestId);
        // nothing changed: LANDED is still the highest stage, so it cannot be recorded again
        assertProblem(post("d120116", project + "/milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-02\"}"),
                409, "stage-order");

        assertProblem(post("d120116", decision(project, requestId, "approval"), "{}"), 403, "not-a-reviewer");
        assertProblem(post("r120101", decision(project, requestId, "approval"), "{}"), 403, "other-district");
        HttpResponse<String> approved = post("r120116", decision(project, requestId, "approval"), "{\"note\":\"已核实\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        assertThat(json(approved).get("sequence").asLong()).isEqualTo(5);
        assertThat(json(approved).has("requestId")).isFalse();

        List<EventEnvelope> events = recordsOf(id(project), 6).stream().map(ServiceTestBase::envelope).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ProjectRegistered", "MilestoneRecorded",
                "MilestoneRecorded", "ChangeRequested", "ChangeApproved", "MilestoneRetracted");
        assertThat(events).extracting(EventEnvelope::recordedBy)
                .containsExactly("d120116", "d120116", "d120116", "d120116", "r120116", "r120116");
        assertThat(((ChangeRequested) events.get(3).data()).change())
                .isEqualTo(events.get(5).data()).isInstanceOf(MilestoneRetracted.class);
        assertThat(events.get(5).id().toString()).isEqualTo(json(approved).get("eventId").asString());
        assertThat(events).allSatisfy(event -> assertThat(event.hashIsIntact()).isTrue());
        Chains.assertIntact(eventStore.readEvents(id(project)).asStream().toList());

        // the retraction counts now, and the request is closed
        assertThat(post("d120116", project + "/milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-02\"}")
                .statusCode()).isEqualTo(201);
        assertProblem(post("admin", decision(project, requestId, "approval"), "{}"), 409, "request-closed");
    }

    @Test
    void nobodyDecidesTheirOwnRequestAndTheApprovalJudgesTheChangeAgain() {
        String project = projectWithLanded("120116");
        String requestId = json(post("admin", project + "/milestones/LANDED/retraction", "{\"reason\":\"误报\"}"))
                .get("requestId").asString();
        assertProblem(post("admin", decision(project, requestId, "approval"), "{}"), 403, "own-request");
        assertProblem(post("admin", decision(project, requestId, "rejection"), "{\"reason\":\"不同意\"}"), 403, "own-request");

        // a correction of LANDED by more than 30 days is asked for; LANDED is retracted before it is approved
        String correction = json(post("d120116", project + "/milestones/LANDED/correction",
                "{\"effectiveDate\":\"2024-06-20\",\"reason\":\"落地日期录错\"}")).get("requestId").asString();
        assertThat(post("r120116", decision(project, requestId, "approval"), "{}").statusCode()).isEqualTo(201);
        long before = eventCount(id(project));
        assertProblem(post("r120116", decision(project, correction, "approval"), "{}"), 409, "stage-not-recorded");
        assertThat(eventCount(id(project))).as("a refused approval writes nothing").isEqualTo(before);

        assertProblem(post("r120116", decision(project, UUID.randomUUID().toString(), "approval"), "{}"), 404,
                "unknown-request");
        assertProblem(post("r120116", decision(project, "not-a-request", "approval"), "{}"), 404, "unknown-request");
    }

    @Test
    void aRejectionSaysWhyAndOnlyTheRequesterWithdraws() {
        String project = projectWithLanded("120116");
        String first = json(post("d120116", project + "/termination",
                "{\"effectiveDate\":\"2024-06-01\",\"reason\":\"投资方退出\"}")).get("requestId").asString();
        long before = eventCount(id(project));

        HttpResponse<String> noReason = post("r120116", decision(project, first, "rejection"), "{}");
        assertProblem(noReason, 400, "invalid-request");
        assertThat(fields(json(noReason))).containsExactly("reason");
        assertProblem(post("r120116", decision(project, first, "rejection"), "{\"reason\":\" \"}"), 400, "invalid-request");
        assertProblem(post("r120116", decision(project, first, "approval"), "{\"note\":\"\"}"), 400, "invalid-request");
        assertProblem(post("r120116", decision(project, first, "withdrawal"), "{}"), 403, "forbidden");
        assertProblem(post("admin", decision(project, first, "withdrawal"), "{}"), 403, "not-the-requester");
        assertThat(eventCount(id(project))).isEqualTo(before);

        HttpResponse<String> rejected = post("r120116", decision(project, first, "rejection"), "{\"reason\":\"与事实不符\"}",
                Map.of("Idempotency-Key", "reject-" + first));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(201);
        HttpResponse<String> replayed = post("r120116", decision(project, first, "rejection"), "{\"reason\":\"与事实不符\"}",
                Map.of("Idempotency-Key", "reject-" + first));
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replayed.body()).isEqualTo(rejected.body());
        assertProblem(post("d120116", decision(project, first, "withdrawal"), "{}"), 409, "request-closed");

        String second = json(post("d120116", project + "/termination",
                "{\"effectiveDate\":\"2024-06-01\",\"reason\":\"投资方退出\"}")).get("requestId").asString();
        HttpResponse<String> withdrawn = post("d120116", decision(project, second, "withdrawal"), "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        assertThat(eventCount(id(project))).isEqualTo(before + 3);
        assertThat(recordsOf(id(project), 7).stream().map(ServiceTestBase::envelope).map(EventEnvelope::type).toList())
                .endsWith("ChangeRequested", "ChangeRejected", "ChangeRequested", "ChangeWithdrawn");
        // never terminated: the project takes milestones
        assertThat(post("d120116", project + "/milestones", "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-06-02\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void theDecisionsAreForDistrictOfficesTheirReviewersAndAdminsOnly() {
        String project = projectWithLanded("120116");
        String requestId = json(post("d120116", project + "/milestones/LANDED/retraction", "{\"reason\":\"误报\"}"))
                .get("requestId").asString();
        for (String path : List.of("approval", "rejection", "withdrawal")) {
            String body = "{\"reason\":\"理由\"}";
            assertProblem(post("leader", decision(project, requestId, path), body), 403, "forbidden");
            assertProblem(post("auditor", decision(project, requestId, path), body), 403, "forbidden");
            assertProblem(post(null, decision(project, requestId, path), body), 401, "unauthenticated");
        }
        // a reviewer writes nothing but decisions
        assertProblem(post("r120116", project + "/milestones", "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-06-02\"}"),
                403, "forbidden");
        assertProblem(post("r120116", project + "/milestones/LANDED/retraction", "{\"reason\":\"误报\"}"), 403, "forbidden");
        assertProblem(post("r120116", "/api/projects", registration("120116", "TJ-" + UUID.randomUUID())), 403, "forbidden");
        // nor in a batch, where each action is refused as its single endpoint refuses it
        HttpResponse<String> batch = post("r120116", "/api/batch", "{\"actions\":[{\"method\":\"POST\",\"path\":\""
                + project + "/milestones\",\"body\":{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-06-02\"}}]}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        assertThat(json(batch).get("results").get(0).get("status").asInt()).isEqualTo(403);
        assertThat(json(batch).get("results").get(0).get("problem").get("type").asString())
                .isEqualTo("urn:groundbreak:problem:forbidden");
        assertThat(eventCount(id(project))).isEqualTo(4);
    }

    /** A project of the district with SIGNED on 2024-03-01 and LANDED on 2024-05-01; its path. */
    private String projectWithLanded(String district) {
        String project = "/api/projects/" + registerProject(district);
        String office = "d" + district;
        assertThat(post(office, project + "/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post(office, project + "/milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-01\"}")
                .statusCode()).isEqualTo(201);
        return project;
    }

    private static String decision(String project, String requestId, String decision) {
        return project + "/requests/" + requestId + "/" + decision;
    }

    private static String id(String project) {
        return project.substring("/api/projects/".length());
    }
}
