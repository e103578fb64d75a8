package io.groundbreak.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.generate.Lights;
import io.groundbreak.demo.plan.CorrectMilestone;
import io.groundbreak.demo.plan.YearTargets;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * The demo posted through the real path: milestone-service, funnel-service and audit-service as processes from
 * their runnable jars, on real PostgreSQL and Kafka. Every request is answered 2xx, the leaders' funnel then shows
 * exactly what the generator's own model says, today and in the years since the plan: lights a mix of green, amber
 * and red (counted as docs/funnel.md's rules say, by an independent model), cohorts of recent months, every
 * year's targets, the districts' closes and a closed month restated by a backdated correction. Loading again records
 * nothing, and a refused request is reported with the service's answer. The tests build on each other (one demo,
 * loaded into fresh databases), hence their order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final DemoPlan PLAN = DemoGenerator.standard(TODAY);
    /** Halfway through the plan's years, when stories are under way: dates matter, not only final stages. */
    private static final LocalDate MIDWAY = LocalDate.of(2022, 6, 30);
    /** A day of the years since the plan, when its projects went on and newcomers came. */
    private static final LocalDate SINCE_THE_PLAN = LocalDate.of(2025, 6, 30);

    private static TestDatabase milestoneDatabase;
    private static ServiceProcess milestones;
    private static ServiceProcess funnel;
    private static ServiceProcess audit;

    @BeforeAll
    static void startTheServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String kafka = infrastructure.kafkaBootstrapServers();
        milestoneDatabase = infrastructure.newDatabase("demo_milestones");
        milestones = ServiceProcess.start("milestone-service", milestoneDatabase, kafka);
        funnel = ServiceProcess.start("funnel-service", infrastructure.newDatabase("demo_funnel"), kafka);
        audit = ServiceProcess.start("audit-service", infrastructure.newDatabase("demo_audit"), kafka,
                "--groundbreak.funnel-service.url=" + funnel.url(""),
                "--groundbreak.milestone-service.url=" + milestones.url(""));
        milestones.awaitHealthy();
        funnel.awaitHealthy();
        audit.awaitHealthy();
    }

    @AfterAll
    static void stopTheServices() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {milestones, funnel, audit}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyRequestSucceedsAndTheFunnelShowsWhatTheGeneratorSays() throws Exception {
        Duration cpuBefore = cpuOf(milestones).plus(cpuOf(audit));
        LoadResult result = new DemoLoader(milestones.url(""), audit.url(""), 4).load(PLAN);
        // the services' CPU says the load's cost where a busy machine makes the wall-clock time say little
        System.out.printf("demo posted: %d requests (%d approvals) in %d ms, milestone-service and audit-service"
                        + " %.1f CPU-s%n", result.recorded() + result.replayed(), result.approved(), result.took().toMillis(),
                (cpuOf(milestones).plus(cpuOf(audit)).minus(cpuBefore)).toMillis() / 1000.0);

        assertThat(result.failures()).isEmpty();
        // the demo's changes of the past above the review bounds waited for the district's reviewer, who approved each
        assertThat(result.approved()).isPositive().isEqualTo(storedApprovals());
        assertThat(result.recorded()).isEqualTo(PLAN.writeCount() + result.approved());
        assertThat(result.replayed()).isZero();
        assertThat(storedEvents()).isEqualTo(PLAN.eventCount() + 2L * result.approved());

        LocalDate today = TODAY;
        Http leader = new Http(funnel.url("").getPort());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(funnelOn(leader, null).get(0).reached()).isEqualTo(PLAN.projectsInFunnelOn(today)));
        // every figure of every stage, today and midway, once the last events have arrived
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertSameFigures(funnelOn(leader, null), PLAN.funnelOn(today));
            assertSameFigures(funnelOn(leader, MIDWAY), PLAN.funnelOn(MIDWAY));
            assertSameFigures(funnelOn(leader, SINCE_THE_PLAN), PLAN.funnelOn(SINCE_THE_PLAN));
        });
        // the changes left waiting for review are in the queue, and in no figure (compared above)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(leader.get(
                "/api/requests?status=pending", "leader").body().get("requests").valueStream()
                .map(request -> request.get("projectId").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(PLAN.pendingReviews().stream()
                        .map(review -> review.project().projectId().toString()).toList()));
        // registered projects without a stage are listed too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new LedgerProbe(funnel.url("")).projectsKnown()).isEqualTo(PLAN.projects().size()));
    }

    @Test
    @Order(2)
    void todaysLightsAreAMixAsTheRulesSay() {
        Http leader = new Http(funnel.url("").getPort());
        Map<Lights.Light, Long> expected = new EnumMap<>(Lights.Light.class);
        PLAN.outcomes().forEach(outcome -> Lights.of(outcome, TODAY)
                .ifPresent(light -> expected.merge(light, 1L, Long::sum)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Answer answer = leader.get("/api/supervision/lights?size=1", "leader");
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
            JsonNode total = answer.body().get("total");
            for (Lights.Light light : Lights.Light.values()) {
                assertThat(total.get(light.name().toLowerCase(java.util.Locale.ROOT)).asLong()).as(light.name())
                        .isEqualTo(expected.getOrDefault(light, 0L)).isPositive();
            }
        });
        long lit = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(expected.get(Lights.Light.RED)).isLessThan(lit / 2);
    }

    @Test
    @Order(3)
    void cohortsHaveRecentMonthsWithTheProjectsThatReachedTheirStageThen() {
        Http leader = new Http(funnel.url("").getPort());
        JsonNode cohorts = leader.get("/api/funnel/cohorts?by=month", "leader").body();
        List<String> busy = new ArrayList<>();
        for (JsonNode transition : cohorts.get("transitions")) {
            Stage from = Stage.valueOf(transition.get("from").asString());
            for (JsonNode period : transition.get("periods")) {
                YearMonth month = YearMonth.parse(period.get("period").asString());
                long expected = PLAN.outcomes().stream().map(outcome -> outcome.reachedOn(from, TODAY))
                        .filter(on -> on.isPresent() && YearMonth.from(on.get()).equals(month)).count();
                assertThat(period.get("projects").asLong()).as(from + " " + month).isEqualTo(expected);
                if (expected > 0) {
                    busy.add(from + " " + month);
                }
            }
        }
        // the last twelve months: each has projects that reached some stage, most transitions are busy
        assertThat(busy).hasSizeGreaterThan(4 * 12 / 2);
    }

    @Test
    @Order(4)
    void everyYearHasItsTargetsAndTheDistrictsClosedTheirMonthsSomeRestatedSince() {
        Http leader = new Http(funnel.url("").getPort());
        assertThat(PLAN.targets()).isNotEmpty();
        for (YearTargets year : PLAN.targets()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Http.Answer answer = leader.get("/api/supervision/targets?year=" + year.year(), "leader");
                assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
                JsonNode signed = answer.body().get("total").get("figures").get("signed");
                assertThat(signed.get("target").asLong()).as("signings targeted in " + year.year())
                        .isEqualTo(year.signed());
            });
        }

        Http auditor = new Http(audit.url("").getPort());
        YearMonth lastMonth = YearMonth.from(TODAY).minusMonths(1);
        JsonNode board = auditor.get("/api/periods/" + lastMonth + "/closes", "leader").body();
        Set<String> closedLastMonth = new HashSet<>();
        PLAN.closes().stream().filter(close -> close.period().equals(lastMonth))
                .forEach(close -> closedLastMonth.add(close.district()));
        for (JsonNode district : board.get("districts")) {
            boolean closed = closedLastMonth.contains(district.get("district").asString());
            assertThat(district.get("status").asString()).as(district.toString())
                    .isIn(closed ? List.of("on-time", "late") : List.of("not-closed"));
            if (closed) {
                assertThat(district.get("closedBy").asString()).isEqualTo("d" + district.get("district").asString());
            }
        }
        // each restatement is listed in the month it restated, once audit-service has every event
        List<DemoProject> restated = PLAN.projects().stream().filter(project -> !project.restatements().isEmpty())
                .toList();
        assertThat(restated).isNotEmpty();
        for (DemoProject project : restated) {
            CorrectMilestone correction = (CorrectMilestone) project.restatements().get(0);
            LocalDate before = new DemoProject(project.code(), project.name(), project.district(), project.chain(),
                    project.investor(), project.plannedInvestmentCny(), project.park(), project.named(),
                    project.actions()).outcome().stages().get(correction.stage());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Http.Answer month = auditor.get("/api/periods/" + YearMonth.from(before) + "?district="
                        + project.district(), "leader");
                assertThat(month.status()).as(String.valueOf(month.body())).isEqualTo(200);
                assertThat(month.body().get("status").asString()).isEqualTo("closed");
                List<String> codes = new ArrayList<>();
                month.body().get("restatements").forEach(event -> codes.add(event.get("code").asString()));
                assertThat(codes).contains(project.code());
            });
        }
    }

    @Test
    @Order(5)
    void loadingAgainRecordsNothingNewAndSaysSo() throws Exception {
        long before = storedEvents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = DemoDataCommand.run(List.of("--milestone-url=" + milestones.url(""), "--audit-url=" + audit.url(""),
                "--today=" + TODAY), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(String.format(
                "demo data: %d projects, %,d events, planned investment %s, %d months closed, up to %s"
                        + " (0 recorded, %,d already recorded)",
                PLAN.projects().size(), PLAN.eventCount(), Money.yi(PLAN.plannedInvestmentCny()), PLAN.closes().size(),
                TODAY, PLAN.writeCount() + storedApprovals()));
        assertThat(storedEvents()).isEqualTo(before).isEqualTo(PLAN.eventCount() + 2L * storedApprovals());
    }

    @Test
    @Order(6)
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
    @Order(7)
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

    /** The CPU time the service's process has used so far (its JVM found by its port). */
    private static Duration cpuOf(ServiceProcess service) {
        String port = "--server.port=" + service.url("").getPort();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(port)).orElse(false))
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .findFirst().orElse(Duration.ZERO);
    }

    /** Events in milestone-service's event store: one per request that recorded something. */
    private static long storedEvents() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    /** Each approval stands for three events: the request, the approval and the change. */
    private static long storedApprovals() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.groundbreak.events.ChangeApproved'");
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(milestoneDatabase.jdbcUrl(),
                milestoneDatabase.username(), milestoneDatabase.password());
             ResultSet count = connection.createStatement().executeQuery(query)) {
            count.next();
            return count.getLong(1);
        }
    }
}
