package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 done, on the whole system: two districts registering the same investment make one candidate, the
 * coordination office's decision makes the city count it once, and a change of the past by one district user changes
 * nothing until the district's reviewer approves it; audit-service's replay of the ledger agrees throughout. The chain
 * {@code other} is this test's alone (红桥区 120106 and 河西区 120103 register in it), so its figures are exact.
 */
class CountedOnceIT {

    private static final String CHAIN = "other";
    private static final String HONGQIAO = "120106";
    private static final String HEXI = "120103";
    private static final List<String> STAGES = List.of("TALKS", "SIGNED", "LANDED", "STARTED", "PRODUCING");

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void oneInvestmentTwoDistrictsIsCountedOnceAndThePastChangesOnlyWithASecondPairOfEyes() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String hongqiao = register("d" + HONGQIAO, HONGQIAO, "天津瑞科" + unique + "新材料股份有限公司",
                "年产10万吨高性能纤维" + unique + "项目", "1200000000.00");
        String hexi = register("d" + HEXI, HEXI, "瑞科" + unique + "新材料集团", "高性能纤维" + unique + "生产基地",
                "1300000000.00");
        system.recorded("d" + HONGQIAO, "/api/projects/" + hongqiao + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}");
        system.recorded("d" + HEXI, "/api/projects/" + hexi + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-04-15\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> signed(null) == 2);

        // one candidate for the pair, with its evidence, open until decided
        JsonNode candidate = await().atMost(Duration.ofSeconds(30)).until(() -> candidateOf(hongqiao, hexi, "open"),
                found -> found != null);
        assertThat(candidate.get("investorSimilarity").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(candidate.get("investmentRatio").asDouble()).isLessThanOrEqualTo(1.5);

        HttpResponse<String> decided = system.post("admin", "/api/duplicates/" + candidate.get("id").asString()
                + "/decision", "{\"decision\":\"same\",\"primaryProjectId\":\"%s\",\"reason\":\"同一投资方同一项目，红桥区先签约\"}"
                .formatted(hongqiao));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(signed(null)).as("the city counts the investment once").isOne();
            assertThat(signed(HONGQIAO)).as("under the primary's district").isOne();
            assertThat(signed(HEXI)).isZero();
        });
        assertThat(candidateOf(hongqiao, hexi, "open")).isNull();
        assertThat(candidateOf(hongqiao, hexi, "decided").at("/decision/primaryProjectId").asString()).isEqualTo(hongqiao);
        JsonNode hexiList = system.read(system.funnel, "d" + HEXI, "/api/projects?district=" + HEXI + "&chain=" + CHAIN);
        assertThat(rowOf(hexiList, hexi).at("/duplicateOf/projectId").asString())
                .as("the duplicate stays in its district's list, marked").isEqualTo(hongqiao);
        awaitReconciled();

        // a retraction by the district office waits for its reviewer and changes nothing until approved
        HttpResponse<String> requested = system.post("d" + HONGQIAO, "/api/projects/" + hongqiao
                + "/milestones/SIGNED/retraction", "{\"reason\":\"签约未完成\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String request = requested.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(HONGQIAO).contains(hongqiao));
        assertThat(signed(null)).as("a pending request is in no figure").isOne();
        HttpResponse<String> ownApproval = system.post("d" + HONGQIAO, request + "/approval", "{}");
        assertThat(ownApproval.statusCode()).as(ownApproval.body()).isEqualTo(403);
        HttpResponse<String> otherReviewer = system.post("r" + HEXI, request + "/approval", "{}");
        assertThat(otherReviewer.statusCode()).as(otherReviewer.body()).isEqualTo(403);
        assertThat(signed(null)).isOne();

        HttpResponse<String> approved = system.post("r" + HONGQIAO, request + "/approval", "{\"note\":\"已核实\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> signed(null) == 0 && !pending(HONGQIAO).contains(hongqiao));
        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(() -> history(hongqiao),
                events -> events != null && events.size() >= 5);
        assertThat(types(history)).containsSubsequence("MilestoneRecorded", "ChangeRequested", "ChangeApproved",
                "MilestoneRetracted");
        assertThat(history.get(history.size() - 1).get("recordedBy").asString()).isEqualTo("r" + HONGQIAO);
        awaitReconciled();
    }

    private static String register(String user, String district, String investor, String name, String amount)
            throws Exception {
        return system.registerProject(user, """
                {"code":"TJ-E2E-%s","name":"%s","district":"%s","chain":"%s","investor":"%s","plannedInvestmentCny":"%s"}
                """.formatted(UUID.randomUUID(), name, district, CHAIN, investor, amount));
    }

    private static long signed(String district) throws Exception {
        JsonNode funnel = system.read(system.funnel, "leader", "/api/funnel?asOf=2030-01-01&chain=" + CHAIN
                + (district == null ? "" : "&district=" + district));
        return funnel.get("stages").get(STAGES.indexOf("SIGNED")).get("reached").asLong();
    }

    private static JsonNode candidateOf(String one, String other, String status) throws Exception {
        JsonNode candidates = system.read(system.funnel, "admin", "/api/duplicates?status=" + status + "&chain=" + CHAIN)
                .get("candidates");
        return StreamSupport.stream(candidates.spliterator(), false)
                .filter(c -> List.of(one, other).containsAll(List.of(c.at("/first/projectId").asString(),
                        c.at("/second/projectId").asString())))
                .findFirst().orElse(null);
    }

    private static JsonNode rowOf(JsonNode page, String projectId) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(row -> row.get("projectId").asString().equals(projectId)).findFirst().orElseThrow();
    }

    private static List<String> pending(String district) throws Exception {
        JsonNode requests = system.read(system.funnel, "r" + district, "/api/requests?status=pending&district=" + district)
                .get("requests");
        return StreamSupport.stream(requests.spliterator(), false).map(r -> r.get("projectId").asString()).toList();
    }

    private static JsonNode history(String projectId) throws Exception {
        HttpResponse<String> answer = system.get(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history");
        return answer.statusCode() == 200 ? RunningSystem.JSON.readTree(answer.body()).get("events") : null;
    }

    private static List<String> types(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(event -> event.get("type").asString()).toList();
    }

    /** audit-service's independent replay of the ledger agrees with funnel-service's figures, duplicates and all. */
    private static void awaitReconciled() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> answer = system.postEmpty(system.audit, "auditor", "/api/audit/reconciliation");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode report = RunningSystem.JSON.readTree(answer.body());
            assertThat(report.get("differences")).as(report.toString()).isEmpty();
        });
    }
}
