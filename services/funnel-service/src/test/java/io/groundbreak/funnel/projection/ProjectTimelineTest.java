package io.groundbreak.funnel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectTimelineTest {

    private static final BigDecimal PLANNED = new BigDecimal("100.00");

    @Test
    void aProjectEntersEachPositionOnTheDateItReachesItAndLeavesTheOneBefore() {
        ProjectTimeline timeline = timeline("2024-04-01", Stage.TALKS, "2024-01-10", Stage.LANDED, "2024-03-01");

        assertThat(timeline.contribution()).containsOnly(
                Map.entry(position(Stage.TALKS, false, "2024-01-10"), new Change(1, PLANNED)),
                Map.entry(position(Stage.TALKS, false, "2024-03-01"), new Change(-1, PLANNED.negate())),
                Map.entry(position(Stage.LANDED, false, "2024-03-01"), new Change(1, PLANNED)),
                Map.entry(position(Stage.LANDED, false, "2024-04-01"), new Change(-1, PLANNED.negate())),
                Map.entry(position(Stage.LANDED, true, "2024-04-01"), new Change(1, PLANNED)));
    }

    @Test
    void twoStagesOnOneDayCountOnlyTheHigherAndATerminationBeforeTheFirstStageCountsFromIt() {
        ProjectTimeline timeline = timeline("2023-12-01", Stage.TALKS, "2024-01-10", Stage.SIGNED, "2024-01-10");

        assertThat(timeline.contribution()).containsOnly(
                Map.entry(position(Stage.SIGNED, true, "2024-01-10"), new Change(1, PLANNED)));
    }

    @Test
    void theDifferenceTurnsOneContributionIntoTheOther() {
        ProjectTimeline before = timeline(null, Stage.TALKS, "2024-01-10", Stage.SIGNED, "2024-02-01");
        ProjectTimeline after = timeline("2024-06-01", Stage.TALKS, "2024-01-20");

        Map<FunnelPosition, Change> sum = new HashMap<>(before.contribution());
        ProjectTimeline.difference(before.contribution(), after.contribution())
                .forEach((position, change) -> sum.merge(position, change, Change::plus));
        sum.values().removeIf(Change::isNone);

        assertThat(sum).isEqualTo(after.contribution());
        assertThat(ProjectTimeline.difference(after.contribution(), after.contribution())).isEmpty();
    }

    private static ProjectTimeline timeline(String terminatedOn, Object... stagesAndDates) {
        Map<Stage, LocalDate> milestones = new EnumMap<>(Stage.class);
        for (int i = 0; i < stagesAndDates.length; i += 2) {
            milestones.put((Stage) stagesAndDates[i], LocalDate.parse((String) stagesAndDates[i + 1]));
        }
        return new ProjectTimeline("120116", "new-energy", PLANNED, milestones,
                terminatedOn == null ? null : LocalDate.parse(terminatedOn));
    }

    private static FunnelPosition position(Stage stage, boolean terminated, String from) {
        return new FunnelPosition("120116", "new-energy", stage, terminated, LocalDate.parse(from));
    }
}
