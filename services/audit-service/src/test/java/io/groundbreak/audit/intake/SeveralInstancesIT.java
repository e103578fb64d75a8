package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.ConsumerGroup;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.events.SeveralInstances;
import io.groundbreak.testsupport.http.Http;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
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
import org.springframework.messaging.support.MessageBuilder;

/**
 * Several instances in one consumer group: one that dies without leaving (kill -9) loses its partitions within
 * 10 s, one that stops leaves at once, and records handled by two instances at the same moment (a frozen instance
 * that resumes after its partitions moved) join the ledger once. The group's other member is a plain KafkaConsumer
 * with this service's own consumer settings, as the binding reads them, so it behaves as another instance would.
 */
class SeveralInstancesIT extends AuditIT {

    private static final String BINDING = "projectEvents-in-0";
    private static final String GROUP = "audit-service";
    private static final int PARTITIONS = 6;

    @Autowired
    Environment environment;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    Consumer<Message<byte[]>> projectEvents;

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
        List<List<EventEnvelope>> histories = IntStream.range(0, 3)
                .mapToObj(i -> history(group.projectOn("120105", taken))).toList();
        histories.forEach(history -> topic.send(history.toArray(EventEnvelope[]::new)));

        group.vanishAndAwaitTakeover(other);
        awaitLedger(histories);
    }

    @Test
    void aStoppedInstanceLeavesTheGroupAtOnce() {
        group.awaitStoppedInstanceLeavesAtOnce(serviceConsumerSettings(), () -> bindings.changeState(BINDING, State.STOPPED),
                () -> bindings.changeState(BINDING, State.STARTED));
    }

    /**
     * Each record reaches the live consumer from the topic and, at the same moment, two more instances (threads
     * calling the consumer function, each in topic order, as a frozen instance resumes with the records it had
     * fetched): every event joins the ledger once, in its chain, and nothing is parked.
     */
    @Test
    void recordsHandledByThreeInstancesAtOnceJoinTheLedgerOnce() {
        List<EventEnvelope> history = history(new ProjectStream("120105"));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> zombies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            zombies.add(CompletableFuture.runAsync(() -> {
                SeveralInstances.awaitQuietly(start);
                history.forEach(event -> projectEvents.accept(asDelivered(event)));
            }));
        }

        start.countDown();
        topic.send(history.toArray(EventEnvelope[]::new));
        zombies.forEach(CompletableFuture::join);

        awaitLedger(List.of(history));
        Http.Answer ledger = http.get("/api/audit/projects/" + history.get(0).subject() + "/history", "auditor");
        List<String> ids = new ArrayList<>();
        ledger.body().get("events").forEach(event -> ids.add(event.get("id").asString()));
        assertThat(ids).containsExactlyElementsOf(history.stream().map(event -> event.id().toString()).toList());
        assertThat(deadLettersOf(history.get(0).subject())).isEmpty();
    }

    /** A registration and four investment reports. */
    private static List<EventEnvelope> history(ProjectStream project) {
        List<EventEnvelope> history = new ArrayList<>();
        history.add(project.next(new ProjectRegistered(project.projectId, "GB-" + project.projectId.toString().substring(0, 8),
                "Project", "120105", "aerospace", "Investor Ltd.", new BigDecimal("10.00"), null)));
        for (int month = 1; month <= 4; month++) {
            history.add(project.next(new InvestmentReported(project.projectId, YearMonth.of(2024, month),
                    new BigDecimal(month + "00.00"))));
        }
        return history;
    }

    /**
     * The binding's own group settings (application.yml), so that the test's member behaves as an instance; a
     * setting missing there fails the test.
     */
    private Map<String, String> serviceConsumerSettings() {
        return SeveralInstances.bindingConsumerSettings(environment::getRequiredProperty, BINDING, List.of("session.timeout.ms", "heartbeat.interval.ms",
                "partition.assignment.strategy"));
    }

    /** The event as the binding hands a record of it to the consumer function. */
    private static Message<byte[]> asDelivered(EventEnvelope envelope) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(EventCodec.toJsonBytes(envelope.data()));
        CloudEventHeaders.of(envelope).forEach((name, value) -> message.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        return message.build();
    }
}
