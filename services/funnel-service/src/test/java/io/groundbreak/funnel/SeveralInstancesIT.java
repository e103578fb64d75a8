package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.ConsumerGroup;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.events.SeveralInstances;
import io.groundbreak.testsupport.http.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * Several instances in one consumer group: one that dies without leaving (kill -9) loses its partitions within
 * 10 s, one that stops leaves at once, and records handled by two instances at the same moment (a frozen instance
 * that resumes after its partitions moved) are applied once. The group's other member is a plain KafkaConsumer
 * with this service's own consumer settings, as the binding reads them, so it behaves as another instance would.
 * District 120103 with dates in 2016 is this class's (DeliveryIT's projects there are dated 2018).
 */
class SeveralInstancesIT extends FunnelServiceTestBase {

    private static final String BINDING = "projectEvents-in-0";
    private static final String GROUP = "funnel-service";
    private static final int PARTITIONS = 6;

    @Autowired
    Environment environment;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    Consumer<Message<List<byte[]>>> projectEvents;

    private SeveralInstances group;

    @BeforeEach
    void serviceHoldsEveryPartition() {
        group = new SeveralInstances(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC, GROUP, PARTITIONS, PROPAGATION);
        group.awaitEveryPartitionHeld();
    }

    @AfterEach
    void closeGroup() {
        group.close();
    }

    @Test
    void anInstanceThatVanishesWithoutLeavingHasItsPartitionsConsumedAgainWithinTenSeconds() {
        ConsumerGroup.Member other = group.joinSettled(serviceConsumerSettings());
        Set<Integer> taken = other.partitions();
        // records the vanishing member was handed but never settled
        List<ProjectStream> projects = IntStream.range(0, 3).mapToObj(i -> group.projectOn("120103", taken)).toList();
        projects.forEach(project -> publish(project.next(registered(project.projectId, "120103", "aerospace", "10.00")),
                project.next(milestone(project.projectId, Stage.TALKS, "2016-03-01"))));

        group.vanishAndAwaitTakeover(other);
        await().atMost(PROPAGATION).untilAsserted(() -> projects.forEach(project ->
                assertThat(stageOf(project)).isEqualTo("TALKS")));
    }

    @Test
    void aStoppedInstanceLeavesTheGroupAtOnce() {
        group.awaitStoppedInstanceLeavesAtOnce(serviceConsumerSettings(), () -> bindings.changeState(BINDING, State.STOPPED),
                () -> bindings.changeState(BINDING, State.STARTED));
    }

    /**
     * Each record reaches the live consumer from the topic and, at the same moment, two more instances (threads
     * calling the consumer function, each in topic order, as a frozen instance resumes with the records it had
     * fetched): every event is applied once, nothing is parked, the funnel counts the project once.
     */
    @Test
    void recordsHandledByThreeInstancesAtOnceAreAppliedOnce() {
        ProjectStream project = new ProjectStream("120103");
        List<EventEnvelope> history = List.of(
                project.next(registered(project.projectId, "120103", "biomedicine", "700.00")),
                project.next(milestone(project.projectId, Stage.TALKS, "2016-05-01")),
                project.next(milestone(project.projectId, Stage.SIGNED, "2016-05-02")),
                project.next(milestone(project.projectId, Stage.LANDED, "2016-05-03")),
                project.next(milestone(project.projectId, Stage.STARTED, "2016-05-04")));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> zombies = new ArrayList<>();
        // one zombie delivers record by record, the other the whole history as one poll
        zombies.add(CompletableFuture.runAsync(() -> {
            SeveralInstances.awaitQuietly(start);
            history.forEach(event -> projectEvents.accept(asDelivered(event)));
        }));
        zombies.add(CompletableFuture.runAsync(() -> {
            SeveralInstances.awaitQuietly(start);
            projectEvents.accept(asDelivered(history.toArray(EventEnvelope[]::new)));
        }));

        start.countDown();
        publish(history.toArray(EventEnvelope[]::new));
        zombies.forEach(CompletableFuture::join);

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(project)).isEqualTo("STARTED"));
        JsonNode funnel = get("/api/funnel?asOf=2016-12-31&district=120103&chain=biomedicine", "leader");
        assertThat(stages(funnel)).containsExactly(
                "TALKS 1/0/0 700.00/0.00", "SIGNED 1/0/0 700.00/0.00", "LANDED 1/0/0 700.00/0.00",
                "STARTED 1/1/0 700.00/700.00", "PRODUCING 0/0/0 0.00/0.00");
        List<JsonNode> parked = new ArrayList<>();
        get("/api/admin/dead-letters?status=all", "admin").get("deadLetters").forEach(letter -> {
            if (project.projectId.toString().equals(letter.get("projectId").asString())) {
                parked.add(letter);
            }
        });
        assertThat(parked).isEmpty();
    }

    /**
     * The binding's own group settings (application.yml), so that the test's member behaves as an instance; a
     * setting missing there fails the test.
     */
    private Map<String, String> serviceConsumerSettings() {
        return SeveralInstances.bindingConsumerSettings(environment::getRequiredProperty, BINDING, List.of("session.timeout.ms", "heartbeat.interval.ms",
                "partition.assignment.strategy", "max.poll.interval.ms"));
    }

    private String stageOf(ProjectStream project) {
        Http.Answer answer = http().get("/api/projects/" + project.projectId + "?asOf=2016-12-31", "leader");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().get("project").get("stage").isNull()
                ? "null" : answer.body().get("project").get("stage").get("code").asString();
    }
}
