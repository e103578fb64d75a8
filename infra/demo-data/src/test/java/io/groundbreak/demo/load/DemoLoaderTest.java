package io.groundbreak.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
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
}
