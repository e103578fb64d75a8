package io.groundbreak.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.load.ApiRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker that judges the demo's histories finds each kind of broken rule. */
class MilestoneRulesTest {

    private static final String ID = "00000000-0000-0000-0000-000000000001";
    private static final ApiRequest REGISTRATION = new ApiRequest("d120116", "/api/projects", "k0",
            "{\"projectId\":\"" + ID + "\",\"code\":\"X\",\"name\":\"N\",\"district\":\"120116\",\"chain\":\"other\","
                    + "\"investor\":\"I\",\"plannedInvestmentCny\":\"100000000.00\"}");

    @Test
    void aHistoryThatKeepsTheRulesPasses() {
        assertThat(violations(
                milestone("SIGNED", "2022-01-10"),
                post("/suspension", "{\"effectiveDate\":\"2022-02-01\",\"reason\":\"r\"}"),
                post("/resumption", "{\"effectiveDate\":\"2022-03-01\",\"reason\":\"r\"}"),
                milestone("STARTED", "2022-04-01"),
                post("/milestones/SIGNED/correction", "{\"effectiveDate\":\"2022-01-05\",\"reason\":\"r\"}"),
                post("/milestones/STARTED/retraction", "{\"reason\":\"r\"}"),
                post("/termination", "{\"effectiveDate\":\"2022-05-01\",\"reason\":\"r\"}"))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsFound() {
        assertThat(violations(milestone("LANDED", "2022-01-10"), milestone("SIGNED", "2022-02-10")))
                .singleElement().asString().contains("not above");
        assertThat(violations(milestone("SIGNED", "2022-01-10"), milestone("LANDED", "2022-01-09")))
                .singleElement().asString().contains("dated before");
        assertThat(violations(milestone("SIGNED", LocalDate.now().plusDays(2).toString())))
                .singleElement().asString().contains("after today");
        assertThat(violations(post("/suspension", "{\"effectiveDate\":\"2022-02-01\",\"reason\":\"r\"}"),
                milestone("SIGNED", "2022-03-01"))).singleElement().asString().contains("while suspended");
        assertThat(violations(post("/termination", "{\"effectiveDate\":\"2022-02-01\",\"reason\":\"r\"}"),
                post("/investment-reports", "{\"period\":\"2022-02\",\"cumulativeCompletedCny\":\"1.00\"}")))
                .singleElement().asString().contains("terminated");
        assertThat(violations(milestone("SIGNED", "2022-01-10"), milestone("LANDED", "2022-02-10"),
                post("/milestones/SIGNED/retraction", "{\"reason\":\"r\"}")))
                .singleElement().asString().contains("not the highest");
        assertThat(violations(milestone("SIGNED", "2022-01-10"), milestone("LANDED", "2022-02-10"),
                post("/milestones/SIGNED/correction", "{\"effectiveDate\":\"2022-03-01\",\"reason\":\"r\"}")))
                .singleElement().asString().contains("out of order");
        assertThat(violations(post("/resumption", "{\"effectiveDate\":\"2022-02-01\",\"reason\":\"r\"}")))
                .singleElement().asString().contains("without a suspension");
        assertThat(violations(post("/amendment", "{\"investor\":\"I\",\"reason\":\"r\"}")))
                .singleElement().asString().contains("changes nothing");
        assertThat(violations(new ApiRequest("d120101", "/api/projects/" + ID + "/milestones", "k",
                "{\"stage\":\"TALKS\",\"effectiveDate\":\"2022-01-01\"}")))
                .singleElement().asString().contains("not by the office of district 120116");
    }

    private static List<String> violations(ApiRequest... requests) {
        MilestoneRules rules = new MilestoneRules();
        rules.accept(REGISTRATION);
        for (ApiRequest request : requests) {
            rules.accept(request);
        }
        return rules.violations();
    }

    private static ApiRequest milestone(String stage, String date) {
        return post("/milestones", "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + date + "\"}");
    }

    private static ApiRequest post(String path, String body) {
        return new ApiRequest("d120116", "/api/projects/" + ID + path, "k", body);
    }
}
