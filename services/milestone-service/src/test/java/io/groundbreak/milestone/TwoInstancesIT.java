package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.milestone.envelope.Chains;
import io.groundbreak.milestone.publishing.ProjectEventPublisher;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;

/**
 * Two instances on one database, as a cluster runs them: this test's context and the packaged jar in a process
 * of its own (a real kill -9 ends it, and the publisher's token store tells the two apart by process).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT extends ServiceTestBase {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesIT.class);
    /** What issue 17 asks of the publisher's takeover after kill -9 (claim-timeout 6 s + claim interval 1 s, plus sending). */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

    private static ServiceProcess second;

    @Autowired
    Environment environment;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("projectCache")
    Cache projectCache;

    @BeforeEach
    void startSecondInstance() throws IOException {
        if (second == null) {
            second = ServiceProcess.start(execJar(), "milestone-service-2", ServiceProcess.freePort(), List.of(
                    "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                    "--spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers()),
                    Path.of("target", "two-instances"));
            second.awaitHealthy();
        }
    }

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void concurrentWritesThroughTwoInstancesLoseNothingAndLeaveNoGap() {
        String projectId = registerProject("120115");
        String path = "/api/projects/" + projectId + "/investment-reports";
        List<Supplier<HttpResponse<String>>> writes = IntStream.range(0, 16)
                .<Supplier<HttpResponse<String>>>mapToObj(i -> () -> send(i % 2 == 0 ? port : secondPort(), "d120115", path,
                        "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"" + (i + 1) + "00\"}", Map.of()))
                .toList();

        List<HttpResponse<String>> answers = concurrently(writes);

        answers.forEach(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(201, 409));
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer -> assertProblem(answer, 409, "concurrent-write"));
        List<String> acceptedEventIds = answers.stream().filter(answer -> answer.statusCode() == 201)
                .map(answer -> json(answer).get("eventId").asString()).toList();
        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(projectId).asStream().toList();
        assertThat(stored).hasSize(1 + acceptedEventIds.size());
        List<String> storedEventIds = Chains.assertIntact(stored).stream().map(envelope -> envelope.id().toString()).toList();
        assertThat(storedEventIds).containsAll(acceptedEventIds);
    }

    /**
     * The same milestone through both instances at the same moment: whichever appends second finds sequence 1 taken
     * (the event store's unique (aggregate, sequence)), tries again on the new state and is refused by the rules.
     */
    @Test
    @Order(2)
    void theSameWriteThroughBothAtOnceIsRecordedOnceAndRefusedWithAProblemOnce() {
        for (int round = 0; round < 4; round++) {
            String projectId = registerProject("120115");
            String path = "/api/projects/" + projectId + "/milestones";
            String body = "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}";

            List<HttpResponse<String>> answers = concurrently(List.of(
                    () -> send(port, "d120115", path, body, Map.of()),
                    () -> send(secondPort(), "d120115", path, body, Map.of())));

            assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
            HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(refused).get("type").asString()).isIn(
                    "urn:groundbreak:problem:stage-order", "urn:groundbreak:problem:concurrent-write");
            assertThat(Chains.assertIntact(eventStore.readEvents(projectId).asStream().toList())).hasSize(2);
        }
    }

    /**
     * This instance keeps the project in its cache (registered here); the second instance records a milestone; the
     * next write here starts from the cached, older state. Its append takes a sequence number that is taken, so the
     * store refuses it, the cache forgets the project and the write is judged again on the newest state: the same
     * milestone is refused by the rules (not a 409 concurrent-write after three tries on the stale state), and another
     * write follows the second instance's event in the chain.
     */
    @Test
    @Order(3)
    void aProjectCachedHereAndWrittenThereIsJudgedOnItsNewestState() {
        String projectId = registerProject("120115");
        assertThat(projectCache.containsKey(projectId)).isTrue();
        String milestones = "/api/projects/" + projectId + "/milestones";
        String signed = "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}";

        HttpResponse<String> there = send(secondPort(), "d120115", milestones, signed, Map.of());
        HttpResponse<String> sameHere = send(port, "d120115", milestones, signed, Map.of());
        HttpResponse<String> nextHere = send(port, "d120115", milestones,
                "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-04-01\"}", Map.of());

        assertThat(there.statusCode()).as(there.body()).isEqualTo(201);
        assertProblem(sameHere, 409, "stage-order");
        assertThat(nextHere.statusCode()).as(nextHere.body()).isEqualTo(201);
        assertThat(json(nextHere).get("sequence").asLong()).isEqualTo(2);
        assertThat(Chains.assertIntact(eventStore.readEvents(projectId).asStream().toList())).hasSize(3);
    }

    /** Keys live in the shared database: a retry is answered the same whichever instance it reaches, even both at once. */
    @Test
    @Order(4)
    void anIdempotencyKeyIsHonouredWhicheverInstanceItReaches() {
        String projectId = registerProject("120115");
        String path = "/api/projects/" + projectId + "/investment-reports";
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        String body = "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"100\"}";

        HttpResponse<String> first = send(port, "d120115", path, body, key);
        HttpResponse<String> retry = send(secondPort(), "d120115", path, body, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(eventCount(projectId)).isEqualTo(2);

        for (int round = 0; round < 4; round++) {
            Map<String, String> sameKey = Map.of("Idempotency-Key", "both-" + UUID.randomUUID());
            String report = "{\"period\":\"2024-06\",\"cumulativeCompletedCny\":\"" + (200 + round) + "\"}";
            long before = eventCount(projectId);

            List<HttpResponse<String>> answers = concurrently(List.of(
                    () -> send(port, "d120115", path, report, sameKey),
                    () -> send(secondPort(), "d120115", path, report, sameKey)));

            assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactly(201, 201);
            assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body());
            assertThat(answers).filteredOn(answer -> answer.headers().firstValue("Idempotent-Replayed").isPresent()).hasSize(1);
            assertThat(eventCount(projectId)).isEqualTo(before + 1);
        }
    }

    /**
     * The publisher's one segment is held by one instance; when that instance is killed, the other claims it once
     * the claim has timed out and publishes what is stored meanwhile. Last: it kills the second instance.
     */
    @Test
    @Order(5)
    void thePublisherRunsOnOneInstanceAndTheOtherTakesOverWithinSecondsWhenItIsKilled() throws InterruptedException {
        StreamingEventProcessor publisher = processing.eventProcessor(ProjectEventPublisher.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        String here = ManagementFactory.getRuntimeMXBean().getName();
        // this instance steps aside for a moment so that the second one holds the publisher
        publisher.releaseSegment(0, 3, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> publisherOwner().startsWith(second.pid() + "@"));
        assertThat(publisher.processingStatus()).isEmpty();
        String published = registerProject("120115");
        await().atMost(Duration.ofSeconds(30)).until(() -> allRecordsOf(published).size() == 1);
        // a live owner keeps renewing: this instance, trying every second, never gets it past the 6 s claim-timeout
        await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(12))
                .until(() -> publisherOwner().startsWith(second.pid() + "@"));

        long killed = System.nanoTime();
        second.kill();
        String afterKill = registerProject("120115");
        await().atMost(TAKEOVER_BOUND).pollInterval(Duration.ofMillis(250))
                .until(() -> allRecordsOf(afterKill).size() == 1);
        log.info("The publisher's segment was taken over and an event published {} ms after its owner was killed",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
        assertThat(publisherOwner()).isEqualTo(here);
        assertThat(publisher.processingStatus()).isNotEmpty();
    }

    private String publisherOwner() {
        return jdbc.sql("SELECT coalesce(owner, '') FROM token_entry WHERE processor_name = ? AND segment = 0")
                .param(ProjectEventPublisher.PROCESSING_GROUP).query(String.class).single();
    }

    private static int secondPort() {
        return second.url("/").getPort();
    }

    /** The runnable jar `mvn package` built before failsafe runs. */
    private static Path execJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/*-exec.jar: run mvn verify (package first)"));
        }
    }
}
