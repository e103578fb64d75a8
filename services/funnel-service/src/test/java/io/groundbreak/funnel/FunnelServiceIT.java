package io.groundbreak.funnel;

import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.model.FunnelModel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The funnel-service against a real broker and database: records are produced onto the topic as
 * milestone-service writes them, and the funnel is read over HTTP as leaders and district offices read it.
 *
 * <p>The scenario of {@link #publishScenario()} lies in 2024 in districts 120116 and 120101; the other
 * tests use district 120102 and 2025 dates, so that every assertion knows exactly which projects it sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunnelServiceIT extends FunnelServiceTestBase {

    private Http http;

    @BeforeAll
    void publishScenario() {
        http = http();

        ProjectStream p1 = new ProjectStream("120116");
        publish(p1.next(registered(p1.projectId, "120116", "new-energy", "1000000000.00")),
                p1.next(milestone(p1.projectId, Stage.TALKS, "2024-01-10")),
                p1.next(milestone(p1.projectId, Stage.SIGNED, "2024-03-01")),
                p1.next(milestone(p1.projectId, Stage.LANDED, "2024-06-01")));
        ProjectStream p2 = new ProjectStream("120116");
        publish(p2.next(registered(p2.projectId, "120116", "biomedicine", "500000000.00")),
                p2.next(milestone(p2.projectId, Stage.TALKS, "2024-02-01")),
                p2.next(milestone(p2.projectId, Stage.STARTED, "2024-05-01")));
        ProjectStream p3 = new ProjectStream("120101");
        publish(p3.next(registered(p3.projectId, "120101", "new-energy", "200000000.00")),
                p3.next(milestone(p3.projectId, Stage.TALKS, "2024-01-15")),
                p3.next(milestone(p3.projectId, Stage.SIGNED, "2024-04-01")),
                p3.next(new ProjectTerminated(p3.projectId, LocalDate.parse("2024-05-01"), "investor withdrew")));

        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(stages(funnel("/api/funnel?asOf=2024-12-31&district=120116", "leader"))).containsExactly(
                    "TALKS 2/0/0 1500000000.00/0.00",
                    "SIGNED 2/0/0 1500000000.00/0.00",
                    "LANDED 2/1/0 1500000000.00/1000000000.00",
                    "STARTED 1/1/0 500000000.00/500000000.00",
                    "PRODUCING 0/0/0 0.00/0.00");
            assertThat(stages(funnel("/api/funnel?asOf=2024-12-31&district=120101", "leader"))).startsWith(
                    "TALKS 1/0/0 200000000.00/0.00");
        });
    }

    @Test
    void conversionsAreRatesBetweenReachedCountsAndNullWhereNobodyReachedTheStage() {
        JsonNode all = funnel("/api/funnel?asOf=2024-12-31&district=120116", "leader");
        assertThat(all.get("asOf").asString()).isEqualTo("2024-12-31");
        assertThat(conversions(all)).containsExactly(
                "TALKS>SIGNED 1.0", "SIGNED>LANDED 1.0", "LANDED>STARTED 0.5", "STARTED>PRODUCING 0.0");
        JsonNode withTheTerminated = funnel("/api/funnel?asOf=2024-12-31&chain=new-energy&district=120101", "leader");
        assertThat(conversions(withTheTerminated)).startsWith("TALKS>SIGNED 1.0", "SIGNED>LANDED 0.0");

        JsonNode early = funnel("/api/funnel?asOf=2024-02-15&district=120116", "leader");
        assertThat(stages(early)).containsExactly(
                "TALKS 2/2/0 1500000000.00/1500000000.00",
                "SIGNED 0/0/0 0.00/0.00",
                "LANDED 0/0/0 0.00/0.00",
                "STARTED 0/0/0 0.00/0.00",
                "PRODUCING 0/0/0 0.00/0.00");
        assertThat(conversions(early)).containsExactly(
                "TALKS>SIGNED 0.0", "SIGNED>LANDED null", "LANDED>STARTED null", "STARTED>PRODUCING null");
    }

    @Test
    void aProjectCountsAsLostOnlyFromItsTerminationDate() {
        assertThat(stages(funnel("/api/funnel?asOf=2024-04-30&district=120101", "leader"))).startsWith(
                "TALKS 1/0/0 200000000.00/0.00", "SIGNED 1/1/0 200000000.00/200000000.00");
        assertThat(stages(funnel("/api/funnel?asOf=2024-05-01&district=120101", "leader"))).startsWith(
                "TALKS 1/0/0 200000000.00/0.00", "SIGNED 1/0/1 200000000.00/0.00");
    }

    @Test
    void filtersByDistrictAndByChain() {
        assertThat(stages(funnel("/api/funnel?asOf=2024-12-31&district=120101", "auditor"))).containsExactly(
                "TALKS 1/0/0 200000000.00/0.00",
                "SIGNED 1/0/1 200000000.00/0.00",
                "LANDED 0/0/0 0.00/0.00",
                "STARTED 0/0/0 0.00/0.00",
                "PRODUCING 0/0/0 0.00/0.00");
        assertThat(stages(funnel("/api/funnel?asOf=2024-12-31&district=120116&chain=new-energy", "admin"))).containsExactly(
                "TALKS 1/0/0 1000000000.00/0.00",
                "SIGNED 1/0/0 1000000000.00/0.00",
                "LANDED 1/1/0 1000000000.00/1000000000.00",
                "STARTED 0/0/0 0.00/0.00",
                "PRODUCING 0/0/0 0.00/0.00");
        // across districts, with whatever the other test classes published
        assertThat(funnelLines(funnel("/api/funnel?asOf=2024-12-31&chain=new-energy", "admin")))
                .isEqualTo(new FunnelModel(published()).funnel(LocalDate.parse("2024-12-31"), null, "new-energy"));
        assertThat(stages(funnel("/api/funnel?asOf=2024-12-31&district=120116&chain=biomedicine", "leader")))
                .containsExactly(
                        "TALKS 1/0/0 500000000.00/0.00",
                        "SIGNED 1/0/0 500000000.00/0.00",
                        "LANDED 1/0/0 500000000.00/0.00",
                        "STARTED 1/1/0 500000000.00/500000000.00",
                        "PRODUCING 0/0/0 0.00/0.00");
    }

    @Test
    void aDistrictOfficeReadsItsOwnDistrictOnly() {
        List<String> own = stages(funnel("/api/funnel?asOf=2024-12-31&district=120116", "leader"));
        assertThat(own.get(0)).isEqualTo("TALKS 2/0/0 1500000000.00/0.00");

        assertThat(stages(funnel("/api/funnel?asOf=2024-12-31", "d120116"))).isEqualTo(own);
        assertThat(stages(funnel("/api/funnel?asOf=2024-12-31&district=120116", "d120116"))).isEqualTo(own);

        Http.Answer other = http.get("/api/funnel?asOf=2024-12-31&district=120101", "d120116");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutCredentialsTheAnswerIs401ButHealthIsOpen() {
        Http.Answer anonymous = http.get("/api/funnel", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().get("status").asInt()).isEqualTo(401);

        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void badParametersAre400ProblemsNamingEachParameter() {
        Http.Answer answer = http.get("/api/funnel?asOf=2024-13-01&district=999999&chain=steam-engines", "leader");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("asOf", "district", "chain");

        assertThat(http.get("/api/funnel?asOf=yesterday", "leader").status()).isEqualTo(400);
        // years java.time takes and PostgreSQL's dates or the period arithmetic do not: a 400, never a 5xx
        for (String path : List.of("/api/funnel?asOf=%2B1000000-01-01", "/api/funnel/trend?to=%2B1000000-01",
                "/api/funnel/trend?from=%2B999999-01&to=%2B1000000-01")) {
            Http.Answer tooFar = http.get(path, "leader");
            assertThat(tooFar.status()).as(path).isEqualTo(400);
            assertThat(tooFar.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void asOfDefaultsToTodayInTheCity() {
        LocalDate before = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode answer = funnel("/api/funnel?district=120101", "leader");
        LocalDate after = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.parse(answer.get("asOf").asString())).isBetween(before, after);
        assertThat(stages(answer).get(1)).isEqualTo("SIGNED 1/0/1 200000000.00/0.00");
    }

    /**
     * Redelivered records (a registration, and a milestone that was retracted since) change nothing,
     * and an event whose predecessor has not arrived is not applied.
     */
    @Test
    void eachEventIsAppliedOnceAndInOrder() {
        ProjectStream p4 = new ProjectStream("120102");
        var registration = p4.next(registered(p4.projectId, "120102", "aerospace", "800000000.00"));
        var talks = p4.next(milestone(p4.projectId, Stage.TALKS, "2025-01-05"));
        var signed = p4.next(milestone(p4.projectId, Stage.SIGNED, "2025-02-01"));
        var retraction = p4.next(new MilestoneRetracted(p4.projectId, Stage.SIGNED, "signed by mistake"));
        var suspension = p4.next(new ProjectSuspended(p4.projectId, LocalDate.parse("2025-02-10"), "awaiting land"));
        var landedAfterAGap = p4.forged(6, p4.prevHash(), milestone(p4.projectId, Stage.LANDED, "2025-03-01"));
        var talksCorrected = p4.next(new MilestoneCorrected(p4.projectId, Stage.TALKS, LocalDate.parse("2025-01-20"),
                null, "date of the first meeting"));
        publish(registration, talks, signed, retraction, suspension, registration, signed, landedAfterAGap,
                talksCorrected);

        // one key, one partition: once the last record (the correction) shows, every earlier one was handled
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(stages(funnel("/api/funnel?asOf=2025-01-10&district=120102", "leader")).get(0))
                    .isEqualTo("TALKS 0/0/0 0.00/0.00");
            assertThat(stages(funnel("/api/funnel?asOf=2025-12-31&district=120102", "leader")).get(0))
                    .isEqualTo("TALKS 1/1/0 800000000.00/800000000.00");
        });
        assertThat(stages(funnel("/api/funnel?asOf=2025-12-31&district=120102", "leader"))).containsExactly(
                "TALKS 1/1/0 800000000.00/800000000.00",
                "SIGNED 0/0/0 0.00/0.00",
                "LANDED 0/0/0 0.00/0.00",
                "STARTED 0/0/0 0.00/0.00",
                "PRODUCING 0/0/0 0.00/0.00");
    }

    private JsonNode funnel(String path, String user) {
        return get(path, user);
    }
}
