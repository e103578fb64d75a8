package io.groundbreak.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoLoaderTest {

    @Test
    void theDemoGoesInBatchesOfWholeProjectsOfOneDistrictUserEachInPlanOrder() {
        DemoPlan plan = DemoGenerator.standard(java.time.LocalDate.now(DemoGenerator.CITY_ZONE));

        List<List<DemoProject>> batches = DemoLoader.batches(plan.projects());

        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch).extracting(DemoProject::districtUser).containsOnly(batch.get(0).districtUser());
            assertThat(batch.stream().mapToInt(project -> ApiRequests.of(project).size()).sum())
                    .isBetween(1, DemoLoader.BATCH_SIZE);
        });
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(plan.projects());
        for (List<DemoProject> batch : batches) {
            List<DemoProject> sameUser = plan.projects().stream()
                    .filter(project -> project.districtUser().equals(batch.get(0).districtUser())).toList();
            assertThat(sameUser).containsSubsequence(batch);
        }
        assertThat(batches.size()).as("a few batches, not one per project").isLessThan(plan.projects().size() / 5);
    }

    @Test
    void theWaitingChangesAreApprovedInBatchesOfEachReviewerOfAtMostTheBatchSize() {
        List<ApiRequest> approvals = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            approvals.add(new ApiRequest(i % 3 == 0 ? "r120101" : "r120116", "/api/projects/" + i + "/requests/" + i
                    + "/approval", "groundbreak-demo/" + i + "/approval", "{}"));
        }

        List<List<ApiRequest>> batches = DemoLoader.batches(approvals, ApiRequest::user, approval -> 1);

        assertThat(batches).extracting(List::size).containsExactly(150, DemoLoader.BATCH_SIZE, 100);
        assertThat(batches).allSatisfy(batch ->
                assertThat(batch).extracting(ApiRequest::user).containsOnly(batch.get(0).user()));
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(approvals);
    }

    @Test
    void aProjectsRequestsAreCutAfterEachChangeThatMayWaitForReviewAndKeepTheirOrder() {
        DemoPlan plan = DemoGenerator.standard(java.time.LocalDate.now(DemoGenerator.CITY_ZONE));

        for (DemoProject project : plan.projects()) {
            List<ApiRequest> requests = ApiRequests.of(project);
            List<List<ApiRequest>> parts = DemoLoader.parts(requests);

            assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(requests);
            assertThat(parts).allSatisfy(part -> assertThat(part.subList(0, part.size() - 1))
                    .noneMatch(ApiRequest::mayWaitForReview));
            assertThat(parts.subList(0, parts.size() - 1))
                    .allSatisfy(part -> assertThat(part.get(part.size() - 1).mayWaitForReview()).isTrue());
        }
        assertThat(plan.projects().stream().mapToInt(project -> DemoLoader.parts(ApiRequests.of(project)).size()).max()
                .orElseThrow()).as("the demo has changes of the past, so some projects go in several rounds").isGreaterThan(1);
    }
}
