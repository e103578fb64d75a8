package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.IdentityProvider;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import io.groundbreak.testsupport.http.RoleMatrix;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints beyond /api/funnel on a small hand-made scenario in districts 120104 and 120105 (2017):
 * their shapes, labels, parameters and who may read what. {@code FunnelPropertiesIT} checks the numbers
 * at large.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointsIT extends FunnelServiceTestBase {

    private ProjectStream battery;
    private ProjectStream chips;

    @BeforeAll
    void publishScenario() {
        battery = new ProjectStream("120104");
        chips = new ProjectStream("120105");
        publish(battery.next(registered(battery.projectId, "120104", "new-energy", "1000.00")),
                battery.next(milestone(battery.projectId, Stage.TALKS, "2017-01-10")),
                battery.next(milestone(battery.projectId, Stage.LANDED, "2017-03-20")),
                battery.next(new MilestoneCorrected(battery.projectId, Stage.TALKS, LocalDate.parse("2017-01-05"),
                        new BigDecimal("5.00"), "first meeting was earlier")),
                battery.next(new ProjectSuspended(battery.projectId, LocalDate.parse("2017-04-01"), "land")),
                battery.next(new ProjectResumed(battery.projectId, LocalDate.parse("2017-05-01"), "land found")),
                battery.next(new InvestmentReported(battery.projectId, YearMonth.parse("2017-04"), new BigDecimal("100.00"))),
                battery.next(new InvestmentReported(battery.projectId, YearMonth.parse("2017-06"), new BigDecimal("250.00"))));
        publish(chips.next(registered(chips.projectId, "120105", "integrated-circuits", "3000.00")),
                chips.next(milestone(chips.projectId, Stage.SIGNED, "2017-02-01")),
                chips.next(milestone(chips.projectId, Stage.STARTED, "2017-03-01")));
        await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> {
            assertThat(get("/api/projects/" + battery.projectId + "?asOf=2017-12-31", "leader")
                    .get("completedInvestmentCny").asString()).isEqualTo("250.00");
            assertThat(get("/api/projects/" + chips.projectId + "?asOf=2017-12-31", "leader")
                    .get("project").get("stage").get("code").asString()).isEqualTo("STARTED");
        });
    }

    @Test
    void aProjectShowsItsStagesDatesStatusAndInvestmentOnTheDateAsked() {
        JsonNode april = get("/api/projects/" + battery.projectId + "?asOf=2017-04-15", "leader");
        JsonNode project = april.get("project");
        assertThat(project.get("stage").get("code").asString()).isEqualTo("LANDED");
        assertThat(project.get("stage").get("nameZh").asString()).isEqualTo("落地");
        assertThat(project.get("district").get("nameZh").asString()).isEqualTo("南开区");
        assertThat(project.get("chain").get("code").asString()).isEqualTo("new-energy");
        assertThat(project.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(project.get("stageSince").asString()).isEqualTo("2017-03-20");
        assertThat(april.get("completedInvestmentCny").asString()).isEqualTo("100.00");
        assertThat(april.get("completedInvestmentPeriod").asString()).isEqualTo("2017-04");
        List<String> stages = new ArrayList<>();
        april.get("stages").forEach(stage -> stages.add(stage.get("stage").get("code").asString() + " "
                + (stage.get("effectiveDate").isNull() ? "null" : stage.get("effectiveDate").asString()) + " "
                + stage.get("reached").asBoolean() + " "
                + stage.get("skipped").asBoolean()));
        assertThat(stages).containsExactly("TALKS 2017-01-05 true false", "SIGNED null true true",
                "LANDED 2017-03-20 true false", "STARTED null false false", "PRODUCING null false false");
        assertThat(april.get("stages").get(0).get("amountCny").asString()).isEqualTo("5.00");

        JsonNode may = get("/api/projects/" + battery.projectId + "?asOf=2017-05-01", "leader");
        assertThat(may.get("project").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(may.get("suspensions").get(0).get("resumedOn").asString()).isEqualTo("2017-05-01");
    }

    @Test
    void projectsAreListedWithFiltersPagingAndSorting() {
        JsonNode landed = get("/api/projects?asOf=2017-12-31&district=120104&stage=LANDED", "leader");
        assertThat(landed.get("items")).extracting(item -> item.get("projectId").asString())
                .contains(battery.projectId.toString());
        JsonNode stalled = get("/api/projects?asOf=2017-12-31&district=120105&stalledDays=300", "leader");
        assertThat(stalled.get("items")).extracting(item -> item.get("projectId").asString())
                .contains(chips.projectId.toString());
        JsonNode notYet = get("/api/projects?asOf=2017-12-31&district=120105&stalledDays=310", "leader");
        assertThat(notYet.get("items")).extracting(item -> item.get("projectId").asString())
                .doesNotContain(chips.projectId.toString());
        JsonNode page = get("/api/projects?asOf=2017-12-31&sort=plannedInvestment,desc&size=1&page=0&district=120105", "leader");
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalPages").asLong()).isEqualTo(page.get("totalItems").asLong());

        Http.Answer bad = http().get("/api/projects?stage=BUILT&size=0&sort=height&stalledDays=-1", "leader");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("stage", "size", "sort", "stalledDays");
        Http.Answer figureWithoutStage = http().get("/api/projects?figure=reached", "leader");
        assertThat(figureWithoutStage.status()).isEqualTo(400);
        assertThat(figureWithoutStage.body().get("errors").get(0).get("field").asString()).isEqualTo("figure");
        assertThat(http().get("/api/projects?stage=SIGNED&figure=sold", "leader").status()).isEqualTo(400);
        assertThat(http().get("/api/projects/" + java.util.UUID.randomUUID(), "leader").status()).isEqualTo(404);
    }

    @Test
    void cycleTimesTrendAndBreakdownCarryLabels() {
        JsonNode times = get("/api/funnel/cycle-times?asOf=2017-12-31&district=120105", "leader").get("cycleTimes");
        assertThat(times).hasSize(4);
        assertThat(times.get(0).get("nameZh").asString()).isEqualTo("在谈→签约");
        assertThat(times.get(0).get("count").asLong()).isZero();
        assertThat(times.get(0).get("medianDays").isNull()).isTrue();

        JsonNode trend = get("/api/funnel/trend?from=2017-01&to=2017-03&district=120105", "leader");
        assertThat(trend.get("months")).hasSize(3);
        JsonNode march = trend.get("months").get(2);
        assertThat(march.get("month").asString()).isEqualTo("2017-03");
        assertThat(march.get("stages").get(Stage.LANDED.ordinal()).get("reached").asLong()).isEqualTo(1);
        assertThat(march.get("stages").get(Stage.STARTED.ordinal()).get("nameEn").asString()).isNotBlank();

        JsonNode byChain = get("/api/funnel/breakdown?by=chain&asOf=2017-12-31&district=120105", "leader");
        assertThat(byChain.get("by").asString()).isEqualTo("chain");
        JsonNode circuits = null;
        for (JsonNode entry : byChain.get("funnels")) {
            if (entry.get("code").asString().equals("integrated-circuits")) {
                circuits = entry;
            }
        }
        assertThat(circuits.get("nameZh").asString()).isEqualTo("集成电路");
        assertThat(stages(circuits).get(Stage.STARTED.ordinal())).isEqualTo("STARTED 1/1/0 3000.00/3000.00");
        assertThat(http().get("/api/funnel/breakdown?by=park", "leader").status()).isEqualTo(400);
        assertThat(http().get("/api/funnel/trend?from=2018-01&to=2017-01", "leader").status()).isEqualTo(400);
    }

    /**
     * The cohort table on the scenario: a skipped stage is reached on the date of the stage above it (battery's SIGNED
     * on LANDED's 2017-03-20, chips' TALKS on SIGNED's 2017-02-01); windows closed by the period's end plus their days.
     */
    @Test
    void cohortsFollowSkippedStagesAndDrillDownToTheirProjects() {
        JsonNode battery = get("/api/funnel/cohorts?by=quarter&from=2017-Q1&to=2017-Q2&asOf=2017-12-31&district=120104",
                "leader");
        assertThat(battery.get("by").asString()).isEqualTo("quarter");
        assertThat(battery.get("from").asString()).isEqualTo("2017-Q1");
        assertThat(battery.get("freshness").has("lag")).isTrue();
        assertThat(battery.get("transitions")).hasSize(4);
        assertThat(battery.get("transitions").get(0).get("nameZh").asString()).isEqualTo("在谈→签约");
        assertThat(cohortLines(battery, true)).containsExactly(
                "TALKS>SIGNED 2017-Q1 2017-01-01..2017-03-31 1 1/1/1 true/true/false 1/0/0",
                "TALKS>SIGNED 2017-Q2 2017-04-01..2017-06-30 0 0/0/0 true/true/false 0/0/0",
                "SIGNED>LANDED 2017-Q1 2017-01-01..2017-03-31 1 1/1/1 true/true/false 1/0/0",
                "SIGNED>LANDED 2017-Q2 2017-04-01..2017-06-30 0 0/0/0 true/true/false 0/0/0",
                "LANDED>STARTED 2017-Q1 2017-01-01..2017-03-31 1 0/0/0 true/true/false 0/1/0",
                "LANDED>STARTED 2017-Q2 2017-04-01..2017-06-30 0 0/0/0 true/true/false 0/0/0",
                "STARTED>PRODUCING 2017-Q1 2017-01-01..2017-03-31 0 0/0/0 true/true/false 0/0/0",
                "STARTED>PRODUCING 2017-Q2 2017-04-01..2017-06-30 0 0/0/0 true/true/false 0/0/0");
        JsonNode chips = get("/api/funnel/cohorts?by=month&from=2017-02&to=2017-03&asOf=2017-04-30&district=120105",
                "leader");
        assertThat(cohortLines(chips, true)).contains(
                "TALKS>SIGNED 2017-02 2017-02-01..2017-02-28 1 1/1/1 false/false/false 1/0/0",
                "SIGNED>LANDED 2017-02 2017-02-01..2017-02-28 1 1/1/1 false/false/false 1/0/0",
                "LANDED>STARTED 2017-03 2017-03-01..2017-03-31 1 1/1/1 false/false/false 1/0/0",
                "STARTED>PRODUCING 2017-03 2017-03-01..2017-03-31 1 0/0/0 false/false/false 0/1/0");

        String waiting = "/api/projects?asOf=2017-12-31&district=120104&cohort=LANDED:2017-Q1&outcome=waiting";
        assertThat(get(waiting, "leader").get("items")).extracting(item -> item.get("projectId").asString())
                .containsExactly(this.battery.projectId.toString());
        assertThat(get(waiting.replace("waiting", "lost"), "leader").get("totalItems").asLong()).isZero();
        assertThat(get("/api/projects?asOf=2017-04-30&district=120105&cohort=SIGNED:2017-02&outcome=within90", "leader")
                .get("items")).extracting(item -> item.get("projectId").asString())
                .containsExactly(this.chips.projectId.toString());
        assertThat(get("/api/funnel/cohorts?district=120104", "d120104").get("transitions").get(3).get("periods"))
                .hasSize(8);

        Http.Answer bad = http().get("/api/funnel/cohorts?by=week&from=2017-13&to=x&asOf=yesterday&district=1", "leader");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("by", "from", "to", "asOf", "district");
        for (String refused : List.of("by=month&from=2017-Q1", "by=quarter&to=2017-03", "from=2018-Q1&to=2017-Q4",
                "by=month&from=2000-01&to=2017-12", "from=2017-Q5")) {
            Http.Answer answer = http().get("/api/funnel/cohorts?" + refused, "leader");
            assertThat(answer.status()).as(refused).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asString()).as(refused).isIn("from", "to");
        }
        for (String path : List.of("/api/funnel/cohorts?asOf=%2B1000000-01-01", "/api/funnel?asOf=%2B1000000-01-01")) {
            Http.Answer farOff = http().get(path, "leader");
            assertThat(farOff.status()).as(path).isEqualTo(400);
            assertThat(farOff.body().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        }
        Http.Answer cells = http().get("/api/projects?cohort=PRODUCING:2017-Q1", "leader");
        assertThat(cells.status()).isEqualTo(400);
        assertThat(cells.body().get("errors").get(0).get("field").asString()).isEqualTo("cohort");
        for (String refused : List.of("cohort=SIGNED", "cohort=SIGNED:2017", "cohort=SIGNED:2017-Q1&outcome=soon",
                "outcome=waiting")) {
            assertThat(http().get("/api/projects?" + refused, "leader").status()).as(refused).isEqualTo(400);
        }
    }

    /**
     * Access tokens of the identity provider (the real Keycloak of infra/test-support): a district office's token and
     * its district's machine client read their own district only, a leader's reads any; a token this service cannot
     * verify is 401. The attacks one by one: milestone-service's TokenAttacksIT.
     */
    @Test
    void aBearerTokenActsAsItsUserAndADistrictTokenIsScopedToItsDistrict() {
        IdentityProvider provider = TestInfrastructure.get().identityProvider();
        String own = "/api/projects?asOf=2017-12-31";
        for (String office : List.of(provider.passwordToken("d120104"), provider.clientToken("120104"))) {
            Http.Answer asOffice = http().getAuthorized(own, "Bearer " + office);
            assertThat(asOffice.status()).isEqualTo(200);
            assertThat(asOffice.body().get("items")).isNotEmpty().allSatisfy(item ->
                    assertThat(item.get("district").get("code").asString()).isEqualTo("120104"));
            Http.Answer elsewhere = http().getAuthorized("/api/projects?district=120105", "Bearer " + office);
            assertThat(elsewhere.status()).isEqualTo(403);
            assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        }
        String leader = provider.passwordToken("leader");
        assertThat(http().getAuthorized("/api/projects?district=120105&asOf=2017-12-31", "Bearer " + leader).status())
                .isEqualTo(200);
        String[] parts = leader.split("\\.");
        for (String refused : List.of(provider.otherRealmToken("leader"), parts[0] + "." + parts[1] + ".c2lnbmF0dXJl",
                "not.a.token")) {
            Http.Answer answer = http().getAuthorized("/api/funnel", "Bearer " + refused);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    /**
     * Each role's real token on each endpoint (issue 21): the allowed callers get an answer that is not a refusal
     * (200, or 400/404 for these harmless parameters), every other caller 403; a district office, its reviewer and
     * its machine client are refused another district's figures and projects. The writes (rebuild, dead letters) are
     * only sent with the tokens that must be refused, so no rebuild or reprocessing runs.
     */
    @Test
    void theRoleTimesEndpointMatrixWithRealTokensHasNoLeak() {
        RoleMatrix matrix = new RoleMatrix(TestInfrastructure.get().identityProvider(), port);
        List<String> everyone = matrix.users();
        List<String> city = List.of("leader", "auditor", "admin");
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        for (String path : List.of("/api/funnel", "/api/funnel/breakdown?by=district", "/api/funnel/cycle-times",
                "/api/funnel/trend", "/api/funnel/cohorts", "/api/projects", "/api/projects/" + UUID.randomUUID(),
                "/api/supervision/lights", "/api/supervision/targets", "/api/supervision/targets/history",
                "/api/duplicates", "/api/requests")) {
            allowed.put("GET " + path, everyone);
        }
        for (String path : List.of("/api/funnel?district=120105", "/api/funnel/breakdown?by=district&district=120105",
                "/api/projects?district=120105", "/api/projects/" + chips.projectId, "/api/supervision/lights?district=120105",
                "/api/duplicates?district=120105", "/api/requests?district=120105")) {
            allowed.put("GET " + path, city);
        }
        for (String path : List.of("/api/admin/heads", "/api/admin/dead-letters", "/api/admin/dead-letters/operations")) {
            allowed.put("GET " + path, List.of("auditor", "admin"));
        }
        allowed.put("GET /api/admin/rebuild", List.of("admin"));
        List<String> allButAdmin = everyone.stream().filter(user -> !user.equals("admin")).toList();
        Map<String, List<String>> refused = new LinkedHashMap<>();
        for (String path : List.of("/api/admin/rebuild", "/api/admin/dead-letters/" + UUID.randomUUID() + "/reprocess",
                "/api/admin/dead-letters/projects/" + UUID.randomUUID() + "/reprocess",
                "/api/admin/dead-letters/" + UUID.randomUUID() + "/discard")) {
            refused.put("POST " + path, allButAdmin);
        }

        assertThat(matrix.leaks(allowed, refused)).isEmpty();
    }

    @Test
    void aDistrictOfficeReadsItsOwnDistrictOnEveryEndpoint() {
        JsonNode breakdown = get("/api/funnel/breakdown?by=district&asOf=2017-12-31", "d120104");
        assertThat(breakdown.get("funnels")).extracting(entry -> entry.get("code").asString()).containsExactly("120104");
        JsonNode own = get("/api/projects?asOf=2017-12-31", "d120104");
        assertThat(own.get("items")).allSatisfy(item ->
                assertThat(item.get("district").get("code").asString()).isEqualTo("120104"));
        for (String path : List.of("/api/projects?district=120105", "/api/projects/" + chips.projectId,
                "/api/funnel/cycle-times?district=120105", "/api/funnel/trend?district=120105",
                "/api/funnel/breakdown?by=chain&district=120105", "/api/funnel/cohorts?district=120105",
                "/api/projects?district=120105&cohort=SIGNED:2017-Q1")) {
            Http.Answer refused = http().get(path, "d120104");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (String path : List.of("/api/projects", "/api/funnel/trend", "/api/funnel/cycle-times", "/api/funnel/cohorts",
                "/api/admin/rebuild")) {
            assertThat(http().get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(http().get("/api/projects/" + chips.projectId, "auditor").status()).isEqualTo(200);
        assertThat(http().get("/api/admin/rebuild", "leader").status()).isEqualTo(403);
        assertThat(http().get("/api/admin/rebuild", "admin").status()).isEqualTo(200);
    }

    /** Issue 19: the lights answer as the funnel's endpoints do, for the same roles and districts. */
    @Test
    void lightsAreScopedLikeTheFunnelAndSayTheRuleThatSetThem() {
        JsonNode own = get("/api/supervision/lights?asOf=2017-12-31", "d120104");
        assertThat(own.get("byDistrict")).extracting(entry -> entry.get("code").asString()).containsExactly("120104");
        // the battery project: LANDED since 2017-03-20, 286 days on 2017-12-31, past LANDED's red 240
        assertThat(own.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("projectId").asString()).isEqualTo(battery.projectId.toString());
            assertThat(item.at("/light/light").asString()).isEqualTo("RED");
            assertThat(item.at("/light/rule").asString()).isEqualTo("DAYS_IN_STAGE_RED");
            assertThat(item.at("/light/detail").asString()).isEqualTo("daysInStage: LANDED 286 days > red 240");
        });
        assertThat(own.at("/total/red").asLong()).isEqualTo(1);
        assertThat(get("/api/supervision/lights?asOf=2017-12-31&light=green", "d120104").get("items")).isEmpty();
        assertThat(get("/api/supervision/lights?asOf=2017-12-31&light=green", "d120104").at("/total/red").asLong())
                .as("light narrows the list, not the counts").isEqualTo(1);
        assertThat(get("/api/projects/" + battery.projectId + "?asOf=2017-12-31", "leader").at("/project/light/light").asString())
                .isEqualTo("RED");

        Http.Answer otherDistrict = http().get("/api/supervision/lights?district=120105", "d120104");
        assertThat(otherDistrict.status()).isEqualTo(403);
        assertThat(otherDistrict.contentType()).startsWith("application/problem+json");
        Http.Answer bad = http().get("/api/supervision/lights?light=blue&size=0&asOf=2017-13-01", "leader");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/api/supervision/lights", null).status()).isEqualTo(401);
        assertThat(http().get("/api/supervision/lights", "auditor").status()).isEqualTo(200);
    }

    /** Issue 19: the targets answer every role, a district its own district only; wrong parameters are 400s. */
    @Test
    void targetsAreScopedLikeTheFunnelAndRefuseWrongParameters() {
        JsonNode own = get("/api/supervision/targets?year=2017&asOf=2017-12-31", "d120104");
        assertThat(own.get("byDistrict")).extracting(entry -> entry.get("code").asString()).containsExactly("120104");
        assertThat(own.get("until").asString()).isEqualTo("2017-12-31");
        assertThat(get("/api/supervision/targets?year=2017&asOf=2030-06-30", "leader").get("until").asString())
                .as("a year's actuals end with the year").isEqualTo("2017-12-31");
        assertThat(get("/api/supervision/targets?year=2018&asOf=2017-06-30", "leader").at("/total/figures/signed/actual")
                .asLong()).as("nothing counted before the year begins").isZero();
        assertThat(get("/api/supervision/targets/history?year=2017", "auditor").get("changes").isArray()).isTrue();
        for (String path : List.of("/api/supervision/targets?district=120105", "/api/supervision/targets/history?district=120105",
                "/api/projects?district=120105&reached=SIGNED:2017")) {
            Http.Answer refused = http().get(path, "d120104");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (String path : List.of("/api/supervision/targets?year=1999", "/api/supervision/targets?year=twenty",
                "/api/supervision/targets?year=2101", "/api/supervision/targets?chain=steel",
                "/api/supervision/targets/history?year=-1", "/api/projects?reached=SIGNED:17",
                "/api/projects?reached=FLYING:2017", "/api/projects?reached=SIGNED:2017-13", "/api/projects?reported=17",
                "/api/projects?reported=2017-Q1")) {
            Http.Answer bad = http().get(path, "leader");
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        assertThat(http().get("/api/supervision/targets", null).status()).isEqualTo(401);
    }

    /** Issue 20: two districts registering one investment make one candidate pair, which both districts see. */
    @Test
    void twoDistrictsRegisteringOneInvestmentMakeOneCandidate() {
        String investor = "津航宇航科技" + UUID.randomUUID().toString().substring(0, 6);
        ProjectStream first = new ProjectStream("120104");
        ProjectStream second = new ProjectStream("120105");
        ProjectStream sameDistrict = new ProjectStream("120104");
        publish(first.next(new ProjectRegistered(first.projectId, "DUP-A-" + investor, "卫星总装测试中心项目", "120104",
                        "aerospace", investor + "有限公司", new BigDecimal("2000000000.00"), null)),
                second.next(new ProjectRegistered(second.projectId, "DUP-B-" + investor, "卫星总装测试中心", "120105",
                        "aerospace", investor + "股份有限公司", new BigDecimal("1800000000.00"), null)),
                sameDistrict.next(new ProjectRegistered(sameDistrict.projectId, "DUP-C-" + investor, "卫星总装测试中心二期",
                        "120104", "aerospace", investor + "集团", new BigDecimal("2000000000.00"), null)));

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(pairsOf(get("/api/duplicates?chain=aerospace", "admin"),
                investor)).containsExactlyInAnyOrder("DUP-A-" + investor + " DUP-B-" + investor,
                "DUP-B-" + investor + " DUP-C-" + investor));
        JsonNode pair = get("/api/duplicates?chain=aerospace&status=open", "leader").get("candidates").valueStream()
                .filter(candidate -> pairOf(candidate).equals("DUP-A-" + investor + " DUP-B-" + investor))
                .findFirst().orElseThrow();
        assertThat(pair.get("investorSimilarity").asDouble()).isEqualTo(1.0);
        assertThat(pair.get("investmentRatio").asDouble()).isEqualTo(1.111);
        assertThat(pair.has("decision")).isFalse();
        assertThat(pair.get("id").asString()).as("the pair's ids in text order, as a decision names them")
                .isEqualTo(DuplicateDecided.first(first.projectId, second.projectId) + "~"
                        + (DuplicateDecided.first(first.projectId, second.projectId).equals(first.projectId)
                        ? second.projectId : first.projectId));
        assertThat(pairsOf(get("/api/duplicates", "d120105"), investor)).as("a district sees the pairs of its projects")
                .hasSize(2);
        assertThat(pairsOf(get("/api/duplicates", "r120105"), investor)).as("and so does its reviewer").hasSize(2);
        assertThat(http().get("/api/duplicates?district=120104", "d120105").status()).isEqualTo(403);
        assertThat(http().get("/api/duplicates?district=120104", "r120105").status()).isEqualTo(403);
        assertThat(http().get("/api/duplicates?chain=steel", "leader").status()).isEqualTo(400);
        Http.Answer badStatus = http().get("/api/duplicates?status=closed", "leader");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/api/duplicates", null).status()).isEqualTo(401);
    }

    /**
     * Issue 20: a project registered with a planned investment of 0 (not known yet) is no evidence either way: the pair
     * is a candidate on its investors and names, and its {@code investmentRatio} is null, not a huge number.
     */
    @Test
    void aPlanNotKnownYetMakesACandidateWithoutARatio() {
        String investor = "津沽氢能装备" + UUID.randomUUID().toString().substring(0, 6);
        ProjectStream unplanned = new ProjectStream("120104");
        ProjectStream planned = new ProjectStream("120105");
        publish(unplanned.next(new ProjectRegistered(unplanned.projectId, "H2-A-" + investor, "氢燃料电池产业园项目", "120104",
                        "new-energy", investor + "有限公司", new BigDecimal("0.00"), null)),
                planned.next(new ProjectRegistered(planned.projectId, "H2-B-" + investor, "氢燃料电池产业园", "120105",
                        "new-energy", investor + "股份有限公司", new BigDecimal("600000000.00"), null)));

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(pairsOf(get("/api/duplicates?chain=new-energy", "leader"),
                investor)).containsExactly("H2-A-" + investor + " H2-B-" + investor));
        JsonNode pair = get("/api/duplicates?chain=new-energy", "leader").get("candidates").valueStream()
                .filter(candidate -> pairOf(candidate).endsWith(investor)).findFirst().orElseThrow();
        assertThat(pair.get("investorSimilarity").asDouble()).isEqualTo(1.0);
        assertThat(pair.has("investmentRatio")).isTrue();
        assertThat(pair.get("investmentRatio").isNull()).as(pair.toString()).isTrue();
    }

    /**
     * Issue 20: the city decides that two districts' projects are one investment. The duplicate leaves every figure (the
     * city counts it once, its own district no more), both lists mark it, the pair moves from open to decided; a
     * reversal brings the figures back.
     */
    @Test
    void aSameDecisionCountsOneInvestmentOnceAndAReversalRestoresIt() {
        String investor = "津港重装" + UUID.randomUUID().toString().substring(0, 6);
        ProjectStream primary = new ProjectStream("120104");
        ProjectStream duplicate = new ProjectStream("120105");
        String query = "/api/funnel?asOf=2030-01-01&chain=green-petrochemicals";
        long[] before = {reachedTalks(query), reachedTalks(query + "&district=120104"),
                reachedTalks(query + "&district=120105")};
        publish(primary.next(new ProjectRegistered(primary.projectId, "SAME-A-" + investor, "海工装备制造基地项目", "120104",
                        "green-petrochemicals", investor + "有限公司", new BigDecimal("900000000.00"), null)),
                primary.next(milestone(primary.projectId, Stage.TALKS, "2021-03-01")),
                duplicate.next(new ProjectRegistered(duplicate.projectId, "SAME-B-" + investor, "海工装备制造基地", "120105",
                        "green-petrochemicals", investor + "股份有限公司", new BigDecimal("900000000.00"), null)),
                duplicate.next(milestone(duplicate.projectId, Stage.TALKS, "2021-04-01")));
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(reached(query, before)).containsExactly(2L, 1L, 1L);
            assertThat(pairsOf(get("/api/duplicates?status=open&chain=green-petrochemicals", "leader"), investor)).hasSize(1);
        });

        PairStream pair = new PairStream(primary.projectId, duplicate.projectId);
        publish(pair.decide(true, primary.projectId));
        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(reached(query, before)).as("counted once, as the primary").containsExactly(1L, 1L, 0L));
        JsonNode listed = get("/api/projects?district=120105&chain=green-petrochemicals&size=200", "d120105").get("items")
                .valueStream().filter(item -> item.get("projectId").asString().equals(duplicate.projectId.toString()))
                .findFirst().orElseThrow();
        assertThat(listed.at("/duplicateOf/projectId").asString()).isEqualTo(primary.projectId.toString());
        assertThat(listed.at("/duplicateOf/code").asString()).isEqualTo("SAME-A-" + investor);
        assertThat(listed.at("/duplicateOf/district").asString()).isEqualTo("120104");
        JsonNode shown = get("/api/projects/" + primary.projectId, "d120104").get("project");
        assertThat(shown.get("duplicates").valueStream().map(mark -> mark.get("projectId").asString()).toList())
                .containsExactly(duplicate.projectId.toString());
        assertThat(shown.get("duplicateOf").isNull()).isTrue();
        String talks = "/api/projects?asOf=2030-01-01&chain=green-petrochemicals&district=120105&stage=TALKS";
        assertThat(ids(get(talks, "leader"))).as("a plain list shows it").contains(duplicate.projectId.toString());
        assertThat(ids(get(talks + "&duplicate=exclude", "leader"))).doesNotContain(duplicate.projectId.toString());
        assertThat(ids(get(talks + "&duplicate=only", "leader"))).containsExactly(duplicate.projectId.toString());
        assertThat(get(talks + "&figure=reached", "leader").get("totalItems").asLong())
                .as("a figure's list is the figure").isEqualTo(before[2]);
        assertThat(http().get(talks + "&figure=reached&duplicate=include", "leader").status()).isEqualTo(400);
        assertThat(pairsOf(get("/api/duplicates?status=open&chain=green-petrochemicals", "leader"), investor)).isEmpty();
        JsonNode decided = get("/api/duplicates?status=decided&chain=green-petrochemicals", "leader").get("candidates").valueStream()
                .filter(candidate -> pairOf(candidate).endsWith(investor)).findFirst().orElseThrow();
        assertThat(decided.at("/decision/same").asBoolean()).isTrue();
        assertThat(decided.at("/decision/primaryProjectId").asString()).isEqualTo(primary.projectId.toString());
        assertThat(decided.at("/decision/decidedBy").asString()).isEqualTo("admin");
        assertThat(pairsOf(get("/api/duplicates?status=decided", "r120105"), investor)).hasSize(1);

        publish(pair.decide(false, null));
        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(reached(query, before)).as("a reversal restores it").containsExactly(2L, 1L, 1L));
        assertThat(get("/api/projects/" + duplicate.projectId, "leader").at("/project/duplicateOf").isNull()).isTrue();
        assertThat(pairsOf(get("/api/duplicates?status=open&chain=green-petrochemicals", "leader"), investor))
                .as("decided, if differently: no longer open").isEmpty();
    }

    /**
     * Issue 20: change requests are listed by status, each district's to its office and its reviewer only; nothing of a
     * request counts until it is approved. Dated after FunnelServiceIT's scenario in 120116 (2024).
     */
    @Test
    void changeRequestsAreListedByStatusWithinTheirDistrict() {
        ProjectStream own = new ProjectStream("120116");
        ProjectStream other = new ProjectStream("120110");
        ChangeRequestId pending = ChangeRequestId.random();
        ChangeRequestId approved = ChangeRequestId.random();
        ChangeRequestId rejected = ChangeRequestId.random();
        ChangeRequestId elsewhere = ChangeRequestId.random();
        ProjectTerminated termination = new ProjectTerminated(own.projectId, LocalDate.parse("2027-01-01"), "investor left");
        MilestoneCorrected correction = new MilestoneCorrected(own.projectId, Stage.TALKS, LocalDate.parse("2026-06-01"),
                null, "wrong month");
        publish(own.next(registered(own.projectId, "120116", "aerospace", "100.00")),
                own.next(milestone(own.projectId, Stage.TALKS, "2026-05-01")),
                own.next(ChangeRequested.of(pending, termination)),
                own.next(ChangeRequested.of(approved, correction)),
                own.next(new ChangeApproved(own.projectId, approved, "checked")),
                own.next(correction),
                own.next(ChangeRequested.of(rejected, new MilestoneRetracted(own.projectId, Stage.TALKS, "no"))),
                own.next(new ChangeRejected(own.projectId, rejected, "it happened")),
                other.next(registered(other.projectId, "120110", "aerospace", "100.00")),
                other.next(ChangeRequested.of(elsewhere, new ProjectTerminated(other.projectId,
                        LocalDate.parse("2027-01-01"), "gone"))));
        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(requestIds(get("/api/requests", "leader"))).contains(pending.toString(), elsewhere.toString()));
        for (String user : List.of("d120116", "r120116")) {
            assertThat(requestIds(get("/api/requests", user))).as(user).contains(pending.toString())
                    .doesNotContain(elsewhere.toString(), approved.toString(), rejected.toString());
            Http.Answer refused = http().get("/api/requests?district=120110", user);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        JsonNode request = get("/api/requests?status=approved&district=120116", "r120116").get("requests").valueStream()
                .filter(entry -> entry.get("requestId").asString().equals(approved.toString())).findFirst().orElseThrow();
        assertThat(request.get("action").asString()).isEqualTo("correction");
        assertThat(request.at("/change/effectiveDate").asString()).isEqualTo("2026-06-01");
        assertThat(request.get("requestedBy").asString()).isEqualTo("d120116");
        assertThat(request.get("closedBy").asString()).isEqualTo("d120116");
        assertThat(request.get("closeReason").asString()).isEqualTo("checked");
        assertThat(request.at("/district/code").asString()).isEqualTo("120116");
        JsonNode refusal = get("/api/requests?status=rejected", "leader").get("requests").valueStream()
                .filter(entry -> entry.get("requestId").asString().equals(rejected.toString())).findFirst().orElseThrow();
        assertThat(refusal.get("action").asString()).isEqualTo("retraction");
        assertThat(refusal.get("closeReason").asString()).isEqualTo("it happened");
        JsonNode open = get("/api/requests", "d120116").get("requests").valueStream()
                .filter(entry -> entry.get("requestId").asString().equals(pending.toString())).findFirst().orElseThrow();
        assertThat(open.has("closedBy")).isFalse();
        assertThat(open.get("status").asString()).isEqualTo("pending");
        JsonNode project = get("/api/projects/" + own.projectId + "?asOf=2030-01-01", "leader");
        assertThat(project.get("terminatedOn").isNull()).as("a pending termination changes nothing").isTrue();
        assertThat(project.at("/stages/0/effectiveDate").asString()).as("an approved correction counts")
                .isEqualTo("2026-06-01");
        assertThat(http().get("/api/requests?status=open", "leader").status()).isEqualTo(400);
        assertThat(http().get("/api/requests", null).status()).isEqualTo(401);
    }

    private long reachedTalks(String funnel) {
        return get(funnel, "leader").get("stages").get(0).get("reached").asLong();
    }

    /** The TALKS reached city-wide, in 120104 and in 120105 of {@code query}, minus {@code before}. */
    private List<Long> reached(String query, long[] before) {
        return List.of(reachedTalks(query) - before[0], reachedTalks(query + "&district=120104") - before[1],
                reachedTalks(query + "&district=120105") - before[2]);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("projectId").asString()).toList();
    }

    private static List<String> requestIds(JsonNode answer) {
        return answer.get("requests").valueStream().map(request -> request.get("requestId").asString()).toList();
    }

    /** A pair's stream of decisions, sealed as milestone-service seals them (on the city's stream of the pair). */
    private static final class PairStream {
        private final ProjectId first;
        private final ProjectId second;
        private final ProjectId pairId;
        private EventEnvelope last;

        PairStream(ProjectId one, ProjectId other) {
            first = DuplicateDecided.first(one, other);
            second = first.equals(one) ? other : one;
            pairId = DuplicateDecided.pairOf(one, other);
        }

        EventEnvelope decide(boolean same, ProjectId primary) {
            last = HashChain.seal(UUID.randomUUID(), last == null ? 0 : last.sequence() + 1, java.time.Instant.now(),
                    "admin", last == null ? HashChain.GENESIS_PREV_HASH : last.hash(), EventEnvelope.CITY,
                    new DuplicateDecided(pairId, first, second, same, primary, same ? "one investment" : "two"));
            return last;
        }
    }

    /** The pair's two codes, in code order. */
    private static String pairOf(JsonNode candidate) {
        String one = candidate.at("/first/code").asString();
        String other = candidate.at("/second/code").asString();
        return one.compareTo(other) <= 0 ? one + " " + other : other + " " + one;
    }

    private static List<String> pairsOf(JsonNode answer, String investor) {
        return answer.get("candidates").valueStream()
                .filter(candidate -> candidate.at("/first/code").asString().endsWith(investor))
                .map(EndpointsIT::pairOf)
                .toList();
    }
}
