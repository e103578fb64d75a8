package io.groundbreak.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.load.DemoLoader;
import io.groundbreak.demo.load.LedgerProbe;
import io.groundbreak.demo.load.LoadResult;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.Money;
import io.groundbreak.demo.plan.RecordMilestone;
import io.groundbreak.demo.plan.StageFigures;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.Http;
import io.groundbreak.testsupport.process.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The demo posted through the real path: milestone-service and funnel-service as processes from their
 * runnable jars, on real PostgreSQL and Kafka. Every request is answered 2xx, the leaders' funnel then shows
 * exactly what the generator's own model says, loading again records nothing, and a refused request is
 * reported with the service's answer. The tests build on each other (one demo, loaded into fresh
 * databases), hence their order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIT {

    private static final DemoPlan PLAN = DemoGenerator.standard();
    /** Halfway through the plan's years, when stories are under way: dates matter, not only final stages. */
    private static final LocalDate MIDWAY = LocalDate.of(2022, 6, 30);

    private static TestDatabase milestoneDatabase;
    private static ServiceProcess milestones;
    private static ServiceProcess funnel;

    @BeforeAll
    static void startTheServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String kafka = infrastructure.kafkaBootstrapServers();
        milestoneDatabase = infrastructure.newDatabase("demo_milestones");
        milestones = ServiceProcess.start("milestone-service", milestoneDatabase, kafka);
        funnel = ServiceProcess.start("funnel-service", infrastructure.newDatabase("demo_funnel"), kafka);
        milestones.awaitHealthy();
        funnel.awaitHealthy();
    }

    @AfterAll
    static void stopTheServices() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {milestones, funnel}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyRequestSucceedsAndTheFunnelShowsWhatTheGeneratorSays() throws Exception {
        LoadResult result = new DemoLoader(milestones.url(""), 4).load(PLAN);
        System.out.printf("demo posted: %d requests in %d ms%n", result.recorded() + result.replayed(),
                result.took().toMillis());

        assertThat(result.failures()).isEmpty();
        assertThat(result.recorded()).isEqualTo(PLAN.eventCount());
        assertThat(result.replayed()).isZero();
        assertThat(storedEvents()).isEqualTo(PLAN.eventCount());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Http leader = new Http(funnel.url("").getPort());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(funnelOn(leader, null).get(0).reached()).isEqualTo(PLAN.projectsInFunnelOn(today)));
        // every figure of every stage, today and midway, once the last events have arrived
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertSameFigures(funnelOn(leader, null), PLAN.funnelOn(today));
            assertSameFigures(funnelOn(leader, MIDWAY), PLAN.funnelOn(MIDWAY));
        });
        // registered projects without a stage are listed too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new LedgerProbe(funnel.url("")).projectsKnown()).isEqualTo(PLAN.projects().size()));
    }

    @Test
    @Order(2)
    void loadingAgainRecordsNothingNewAndSaysSo() throws Exception {
        long before = storedEvents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = DemoDataCommand.run(List.of("--milestone-url=" + milestones.url("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(String.format(
                "demo data: %d projects, %,d events, planned investment %s (0 recorded, %,d already recorded)",
                PLAN.projects().size(), PLAN.eventCount(), Money.yi(PLAN.plannedInvestmentCny()), PLAN.eventCount()));
        assertThat(storedEvents()).isEqualTo(before).isEqualTo(PLAN.eventCount());
    }

    @Test
    @Order(3)
    void withIfEmptyALedgerThatHoldsProjectsIsLeftAlone() throws Exception {
        long before = storedEvents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = DemoDataCommand.run(List.of("--if-empty", "--milestone-url=" + milestones.url(""),
                "--funnel-url=" + funnel.url("")), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("not loaded: the ledger already holds " + PLAN.projects().size() + " projects");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aRefusedRequestIsReportedWithTheServicesAnswerAndStopsItsProject() throws Exception {
        // signed, then "in talks" afterwards: the stage order is broken on purpose
        DemoProject broken = new DemoProject("TJ-IT-" + UUID.randomUUID(), "违反阶段顺序的项目", "120104", "other",
                "某集团", new BigDecimal("200000000.00"), null, false, List.of(
                        new RecordMilestone(Stage.SIGNED, LocalDate.of(2022, 1, 10), null, null),
                        new RecordMilestone(Stage.TALKS, LocalDate.of(2022, 2, 1), null, null),
                        new RecordMilestone(Stage.LANDED, LocalDate.of(2022, 3, 1), null, null)));

        LoadResult result = new DemoLoader(milestones.url(""), 1).load(new DemoPlan(0, List.of(broken)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.recorded()).isEqualTo(2);
        assertThat(result.notSent()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(409);
            assertThat(failure.toString()).startsWith(broken.code() + " as d120104: POST /api/projects/"
                    + broken.projectId() + "/milestones → HTTP 409: ").contains("stage-order");
        });
    }

    private static List<StageFigures> funnelOn(Http leader, LocalDate asOf) {
        Http.Answer answer = leader.get("/api/funnel" + (asOf == null ? "" : "?asOf=" + asOf), "leader");
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        List<StageFigures> stages = new ArrayList<>();
        for (JsonNode stage : answer.body().get("stages")) {
            stages.add(new StageFigures(Stage.valueOf(stage.get("stage").asString()),
                    stage.get("reached").asLong(), stage.get("current").asLong(), stage.get("lost").asLong(),
                    new BigDecimal(stage.get("reachedInvestmentCny").asString()),
                    new BigDecimal(stage.get("currentInvestmentCny").asString())));
        }
        return stages;
    }

    /** Amounts compared as numbers: "1500000000.00" equals 1500000000. */
    private static void assertSameFigures(List<StageFigures> actual, List<StageFigures> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparator(
                        RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyElementsOf(expected);
    }

    /** Events in milestone-service's event store: one per request that recorded something. */
    private static long storedEvents() throws SQLException {
        try (Connection connection = DriverManager.getConnection(milestoneDatabase.jdbcUrl(),
                milestoneDatabase.username(), milestoneDatabase.password());
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
