package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.milestone.envelope.Chains;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Two service instances on one database, both writing to one project at once. */
class TwoInstancesIT extends ServiceTestBase {

    private static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;
    @Autowired
    EventStore eventStore;

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            // command-line arguments, which outrank application.yml (default properties would not)
            second = new SpringApplicationBuilder(MilestoneServiceApplication.class)
                    .profiles("local")
                    .run("--server.port=0",
                            "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                            "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                            "--spring.kafka.bootstrap-servers=" + environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        }
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void concurrentWritesThroughTwoInstancesLoseNothingAndLeaveNoGap() {
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        String projectId = registerProject("120115");
        String path = "/api/projects/" + projectId + "/investment-reports";
        List<Supplier<HttpResponse<String>>> writes = IntStream.range(0, 16)
                .<Supplier<HttpResponse<String>>>mapToObj(i -> () -> send(i % 2 == 0 ? port : secondPort, "d120115", path,
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
}
