package io.groundbreak.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.plan.CorrectMilestone;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.RecordMilestone;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiRequestsTest {

    @Test
    void aProjectIsRegisteredUnderItsChosenIdThenItsActionsArePostedToItInOrder() {
        DemoProject project = new DemoProject("TJ-BH-2022-001", "动力电池基地", "120116", "new-energy", "某某新能源集团",
                new BigDecimal("1500000000.00"), null, false, List.of(
                        new RecordMilestone(Stage.SIGNED, LocalDate.of(2022, 3, 1), new BigDecimal("1500000000.00"), null),
                        new CorrectMilestone(Stage.SIGNED, LocalDate.of(2022, 3, 5), null, "签约日期录入有误")));

        List<ApiRequest> requests = ApiRequests.of(project);

        UUID id = UUID.nameUUIDFromBytes("groundbreak-demo:TJ-BH-2022-001".getBytes(StandardCharsets.UTF_8));
        assertThat(requests).extracting(ApiRequest::user).containsOnly("d120116");
        assertThat(requests).extracting(ApiRequest::path).containsExactly("/api/projects",
                "/api/projects/" + id + "/milestones", "/api/projects/" + id + "/milestones/SIGNED/correction");
        // absent optional fields (park, note, amount) are left out, never null
        assertThat(requests.get(0).jsonBody()).isEqualTo("{\"projectId\":\"" + id + "\",\"code\":\"TJ-BH-2022-001\","
                + "\"name\":\"动力电池基地\",\"district\":\"120116\",\"chain\":\"new-energy\",\"investor\":\"某某新能源集团\","
                + "\"plannedInvestmentCny\":\"1500000000.00\"}");
        assertThat(requests.get(1).jsonBody())
                .isEqualTo("{\"stage\":\"SIGNED\",\"effectiveDate\":\"2022-03-01\",\"amountCny\":\"1500000000.00\"}");
        assertThat(requests.get(2).jsonBody()).isEqualTo("{\"effectiveDate\":\"2022-03-05\",\"reason\":\"签约日期录入有误\"}");
        assertThat(requests).extracting(ApiRequest::idempotencyKey).containsExactly(
                "groundbreak-demo/TJ-BH-2022-001/000/register",
                "groundbreak-demo/TJ-BH-2022-001/001/milestone-SIGNED",
                "groundbreak-demo/TJ-BH-2022-001/002/correction-SIGNED");
    }

    @Test
    void everyRequestOfTheDemoHasItsOwnValidIdempotencyKey() {
        DemoPlan plan = DemoGenerator.standard(java.time.LocalDate.now(DemoGenerator.CITY_ZONE));
        List<String> keys = new ArrayList<>();
        plan.projects().forEach(project -> ApiRequests.of(project).forEach(request -> keys.add(request.idempotencyKey())));
        plan.projects().forEach(project -> ApiRequests.restatementsOf(project)
                .forEach(request -> keys.add(request.idempotencyKey())));
        plan.pendingReviews().forEach(review -> keys.add(ApiRequests.of(review).idempotencyKey()));
        // and one request per year's targets, keyed by the loader
        assertThat(keys).hasSize(plan.eventCount() - plan.targets().size()).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key.length()).isBetween(1, 255));
    }
}
