package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.model.FunnelModel;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * At-least-once delivery as it really happens: duplicates, a redelivery after the database committed
 * but the offset did not, a sequence gap and a poison record (parked in the dead-letter table), each with its expected outcome. District
 * 120103 and 2018 dates are this class's, so that each check sees its own projects.
 */
class DeliveryIT extends FunnelServiceTestBase {

    private static final String BINDING = "projectEvents-in-0";

    @Autowired
    MeterRegistry meters;

    @Autowired
    Consumer<Message<List<byte[]>>> projectEvents;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDuplicateIsSkippedAndCounted() {
        ProjectStream project = new ProjectStream("120103");
        EventEnvelope registration = project.next(registered(project.projectId, "120103", "aerospace", "100.00"));
        EventEnvelope talks = project.next(milestone(project.projectId, Stage.TALKS, "2018-01-10"));
        EventEnvelope signed = project.next(milestone(project.projectId, Stage.SIGNED, "2018-02-10"));
        double before = count("groundbreak.funnel.events.redelivered");

        publish(registration, talks, registration, talks, signed);

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(project, "2018-12-31")).isEqualTo("SIGNED"));
        assertThat(count("groundbreak.funnel.events.redelivered") - before).isEqualTo(2);
        assertThat(get("/api/projects?asOf=2018-12-31&district=120103&stage=SIGNED", "leader").get("items"))
                .extracting(item -> item.get("projectId").asString()).containsOnlyOnce(project.projectId.toString());
    }

    /** The record is processed again exactly as the binding would after a crash before the offset commit. */
    @Test
    void aRecordProcessedAgainAfterItsTransactionCommittedChangesNothing() {
        ProjectStream project = new ProjectStream("120103");
        EventEnvelope registration = project.next(registered(project.projectId, "120103", "biomedicine", "200.00"));
        EventEnvelope landed = project.next(milestone(project.projectId, Stage.LANDED, "2018-03-01"));
        publish(registration, landed);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(project, "2018-12-31")).isEqualTo("LANDED"));
        List<String> funnel = stages(get("/api/funnel?asOf=2018-12-31&district=120103&chain=biomedicine", "leader"));

        projectEvents.accept(asDelivered(landed));
        projectEvents.accept(asDelivered(registration));

        assertThat(stages(get("/api/funnel?asOf=2018-12-31&district=120103&chain=biomedicine", "leader"))).isEqualTo(funnel);
    }

    /**
     * A poll whose records all apply goes in as one transaction: every project it touches has the same
     * applied-at instant (the transaction's start), where records taken one at a time would not.
     */
    @Test
    void aPollIsAppliedInOneTransaction() {
        List<ProjectStream> projects = List.of(new ProjectStream("120103"), new ProjectStream("120103"),
                new ProjectStream("120103"));
        List<EventEnvelope> poll = new ArrayList<>();
        for (ProjectStream project : projects) {
            poll.add(project.next(registered(project.projectId, "120103", "automotive", "80.00")));
            poll.add(project.next(milestone(project.projectId, Stage.TALKS, "2018-07-01")));
        }

        projectEvents.accept(asDelivered(poll.toArray(EventEnvelope[]::new)));

        assertThat(projects).allSatisfy(project -> assertThat(stageOf(project, "2018-12-31")).isEqualTo("TALKS"));
        assertThat(appliedAt(projects)).hasSize(1);
    }

    /**
     * A poll with a record to park in its middle is taken in one record at a time: the others are applied, the bad one
     * is parked exactly as it would be alone, and nothing of the first try remains.
     */
    @Test
    void aPollWithARecordToParkIsTakenInOneAtATime() {
        ProjectStream refused = new ProjectStream("120103");
        ProjectStream accepted = new ProjectStream("120103");
        EventEnvelope registration = refused.next(registered(refused.projectId, "120103", "automotive", "90.00"));
        EventEnvelope afterTheGap = refused.forged(2, refused.prevHash(), milestone(refused.projectId, Stage.SIGNED, "2018-08-01"));
        EventEnvelope other = accepted.next(registered(accepted.projectId, "120103", "automotive", "95.00"));

        projectEvents.accept(asDelivered(registration, afterTheGap, other));

        // known (200) with no stage yet: its registration was applied
        assertThat(stageOf(accepted, "2018-12-31")).isEqualTo("null");
        assertThat(stageOf(refused, "2018-12-31")).isEqualTo("null");
        assertThat(deadLettersOf(refused)).singleElement().satisfies(parked -> {
            assertThat(parked.get("reason").asString()).isEqualTo("gap");
            assertThat(parked.get("sequence").asLong()).isEqualTo(2);
        });
        assertThat(appliedAt(List.of(refused, accepted))).hasSize(2);
    }

    /** The distinct applied-at instants of the projects in the active read model. */
    private List<Object> appliedAt(List<ProjectStream> projects) {
        String schema = jdbc.sql("SELECT active FROM public.read_model").query(String.class).single();
        return jdbc.sql("SELECT DISTINCT last_applied_at FROM " + schema + ".applied_sequence WHERE project_id IN (:ids)")
                .param("ids", projects.stream().map(project -> project.projectId.value()).toList())
                .query((row, number) -> row.getObject(1)).list();
    }

    /** The group's offsets go back to the start of the topic: everything is delivered again and nothing changes. */
    @Test
    void aGroupReplayedFromTheStartChangesNothing() throws Exception {
        ProjectStream project = new ProjectStream("120103");
        publish(project.next(registered(project.projectId, "120103", "new-materials", "300.00")),
                project.next(milestone(project.projectId, Stage.TALKS, "2018-04-01")));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(project, "2018-12-31")).isEqualTo("TALKS"));
        // this class's district: other classes park records on purpose (RebuildFoldIT: a SIGNED sent before its TALKS),
        // and a replay rightly applies such a record once its predecessor has been applied
        String ownDistrict = "/api/funnel?asOf=2030-01-01&district=120103";
        List<String> funnel = stages(get(ownDistrict, "leader"));
        double redelivered = count("groundbreak.funnel.events.redelivered");

        bindings.changeState(BINDING, State.STOPPED);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = admin.describeTopics(List.of(TOPIC)).allTopicNames().get()
                    .get(TOPIC).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(TOPIC, partition.partition()),
                            partition -> new OffsetAndMetadata(0)));
            await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> admin.alterConsumerGroupOffsets("funnel-service", start).all().get());
        } finally {
            bindings.changeState(BINDING, State.STARTED);
        }

        long applied = new FunnelModel(published()).projectIds().size();
        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(count("groundbreak.funnel.events.redelivered") - redelivered).isGreaterThanOrEqualTo(applied));
        assertThat(stages(get(ownDistrict, "leader"))).isEqualTo(funnel);
    }

    /**
     * An event whose predecessor never came is parked in the dead-letter table (reason gap, logged and counted),
     * and the project's later events wait behind it; other projects keep flowing.
     */
    @Test
    void aGapIsParkedWhileOtherProjectsFlow() {
        ProjectStream stuck = new ProjectStream("120103");
        ProjectStream flowing = new ProjectStream("120103");
        EventEnvelope afterTheGap = stuck.forged(2, stuck.prevHash(), milestone(stuck.projectId, Stage.SIGNED, "2018-06-01"));
        EventEnvelope later = stuck.forged(3, afterTheGap.hash(), milestone(stuck.projectId, Stage.LANDED, "2018-06-02"));
        double gaps = count("groundbreak.funnel.events.dead-lettered", "reason", "gap");

        publish(stuck.next(registered(stuck.projectId, "120103", "automotive", "400.00")), afterTheGap, later,
                flowing.next(registered(flowing.projectId, "120103", "automotive", "500.00")),
                flowing.next(milestone(flowing.projectId, Stage.STARTED, "2018-06-01")));

        await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> {
            assertThat(stageOf(flowing, "2018-12-31")).isEqualTo("STARTED");
            assertThat(deadLettersOf(stuck)).hasSize(2);
        });
        List<JsonNode> parked = deadLettersOf(stuck);
        assertThat(parked.get(0).get("eventId").asString()).isEqualTo(afterTheGap.id().toString());
        assertThat(parked.get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(parked.get(0).get("reason").asString()).isEqualTo("gap");
        assertThat(parked.get(0).get("status").asString()).isEqualTo("parked");
        assertThat(parked.get(0).get("detail").asString()).contains("before its predecessor 1");
        assertThat(parked.get(1).get("eventId").asString()).isEqualTo(later.id().toString());
        assertThat(parked.get(1).get("detail").asString())
                .contains("waits behind parked record " + parked.get(0).get("id").asLong());
        assertThat(count("groundbreak.funnel.events.dead-lettered", "reason", "gap") - gaps).isGreaterThanOrEqualTo(2);
        assertThat(stageOf(stuck, "2018-12-31")).isEqualTo("null");
    }

    /** A record that is no event is parked at once (one attempt), and the next record of the same partition is applied. */
    @Test
    void aPoisonRecordIsParkedAndThePartitionMovesOn() {
        ProjectStream project = new ProjectStream("120103");
        EventEnvelope registration = project.next(registered(project.projectId, "120103", "aerospace", "600.00"));
        publish(registration);
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        double malformed = count("groundbreak.funnel.events.dead-lettered", "reason", "malformed");

        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(project.next(
                milestone(project.projectId, Stage.TALKS, "2018-07-01"))));
        topic().send(project.projectId.toString(), headers, poison);
        EventEnvelope talks = project.forged(1, registration.hash(), milestone(project.projectId, Stage.TALKS, "2018-07-02"));
        publish(talks);

        await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> {
            assertThat(stageOf(project, "2018-12-31")).isEqualTo("TALKS");
            assertThat(deadLettersOf(project)).hasSize(1);
        });
        JsonNode parked = deadLettersOf(project).get(0);
        assertThat(parked.get("reason").asString()).isEqualTo("malformed");
        assertThat(parked.get("attempts").asInt()).isEqualTo(1);
        assertThat(parked.get("sequence").asLong()).isEqualTo(1);
        assertThat(count("groundbreak.funnel.events.dead-lettered", "reason", "malformed") - malformed).isEqualTo(1);
    }

    private List<JsonNode> deadLettersOf(ProjectStream project) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/admin/dead-letters?status=all", "admin").get("deadLetters").forEach(deadLetter -> {
            if (project.projectId.toString().equals(deadLetter.get("projectId").asString())) {
                found.add(deadLetter);
            }
        });
        return found;
    }

    private String stageOf(ProjectStream project, String asOf) {
        Http.Answer answer = http().get("/api/projects/" + project.projectId + "?asOf=" + asOf, "leader");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().get("project").get("stage").isNull()
                ? "null" : answer.body().get("project").get("stage").get("code").asString();
    }

    private double count(String meter, String... tags) {
        var found = meters.find(meter).tags(tags).counter();
        return found == null ? 0 : found.count();
    }
}
