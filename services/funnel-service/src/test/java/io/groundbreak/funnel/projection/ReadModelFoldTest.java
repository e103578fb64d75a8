package io.groundbreak.funnel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelFoldTest {

    @Test
    void aFullFoldHandsOverItsLeastRecentlyTouchedHalfAndKnowsTheirLaterEventsAreNotItsOwn() {
        ReadModelFold fold = new ReadModelFold(4);
        List<ProjectStream> projects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProjectStream project = new ProjectStream("120101");
            projects.add(project);
            assertThat(fold.offer(project.next(registered(project)))).isEqualTo(Outcome.APPLIED);
        }
        // the first project touched again: the second and third are now the least recently touched
        assertThat(fold.offer(projects.get(0).next(talks(projects.get(0))))).isEqualTo(Outcome.APPLIED);
        assertThat(fold.isFull()).isTrue();

        List<ProjectRows> evicted = fold.evictLeastRecent();

        assertThat(evicted).extracting(rows -> rows.projectId)
                .containsExactly(projects.get(1).projectId.value(), projects.get(2).projectId.value());
        assertThat(evicted).allSatisfy(rows -> assertThat(rows.lastApplied).isZero());
        assertThat(fold.isFull()).isFalse();
        assertThat(fold.wrote(projects.get(1).next(talks(projects.get(1))))).isTrue();
        assertThat(fold.wrote(projects.get(0).next(talks(projects.get(0))))).isFalse();
        assertThat(fold.evictAll()).extracting(rows -> rows.projectId)
                .containsExactlyInAnyOrder(projects.get(0).projectId.value(), projects.get(3).projectId.value());
        assertThat(fold.applied()).isEqualTo(5);
    }

    private static ProjectRegistered registered(ProjectStream project) {
        return new ProjectRegistered(project.projectId, "GB-1", "Project", "120101", "aerospace", "Investor Ltd.",
                new BigDecimal("100.00"), null);
    }

    private static MilestoneRecorded talks(ProjectStream project) {
        return new MilestoneRecorded(project.projectId, Stage.TALKS, LocalDate.parse("2021-01-04"), null, null);
    }
}
