package io.groundbreak.funnel.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/funnel.md "Lights", rule by rule, on hand-made projects (the seeded comparison is FunnelPropertiesIT's). */
class LightRulesTest {

    private static final LocalDate DAY = LocalDate.parse("2025-06-30");
    private static final LightRules RULES = new LightRules(settings(30));

    @Test
    void withinThresholdsAndPlansAProjectIsGreen() {
        assertThat(light(Stage.SIGNED, DAY.minusDays(90), ProjectStatus.ACTIVE, PlannedDates.NONE))
                .contains(new ProjectLight(Light.GREEN, LightRule.ON_TRACK, Stage.SIGNED, null, 90L, null));
    }

    @Test
    void daysInStageBeyondTheStagesThresholdsMakeItAmberThenRed() {
        assertThat(light(Stage.SIGNED, DAY.minusDays(91), ProjectStatus.ACTIVE, PlannedDates.NONE))
                .contains(new ProjectLight(Light.AMBER, LightRule.DAYS_IN_STAGE_AMBER, Stage.SIGNED, null, 91L, 90));
        assertThat(light(Stage.SIGNED, DAY.minusDays(181), ProjectStatus.SUSPENDED, PlannedDates.NONE))
                .contains(new ProjectLight(Light.RED, LightRule.DAYS_IN_STAGE_RED, Stage.SIGNED, null, 181L, 180));
        assertThat(light(Stage.STARTED, DAY.minusDays(400), ProjectStatus.ACTIVE, PlannedDates.NONE))
                .map(ProjectLight::describe).contains("daysInStage: STARTED 400 days > amber 365");
    }

    @Test
    void aPlannedDatePassedWithoutTheStageIsRedAndOneDueSoonAmber() {
        PlannedDates plans = new PlannedDates(null, DAY.minusDays(1), DAY.plusDays(30), DAY.plusDays(31));
        assertThat(light(Stage.SIGNED, DAY.minusDays(10), ProjectStatus.ACTIVE, plans))
                .contains(new ProjectLight(Light.RED, LightRule.PLANNED_DATE_PASSED, Stage.LANDED, DAY.minusDays(1), null, null))
                .map(ProjectLight::describe).contains("plannedDatePassed: LANDED planned 2025-06-29");
        // landed: the passed plan is history; STARTED is due in 30 days, the last day of the window
        assertThat(light(Stage.LANDED, DAY.minusDays(10), ProjectStatus.ACTIVE, plans))
                .contains(new ProjectLight(Light.AMBER, LightRule.PLANNED_DATE_DUE, Stage.STARTED, DAY.plusDays(30), null, null));
        // due today is due, not passed
        assertThat(light(Stage.LANDED, DAY.minusDays(10), ProjectStatus.ACTIVE,
                new PlannedDates(null, null, DAY, null))).map(ProjectLight::rule).contains(LightRule.PLANNED_DATE_DUE);
        assertThat(light(Stage.STARTED, DAY.minusDays(10), ProjectStatus.ACTIVE, plans))
                .map(ProjectLight::light).contains(Light.GREEN);
    }

    @Test
    void redBeatsAmberAndAPassedPlanBeatsDaysInStage() {
        PlannedDates dueSoon = new PlannedDates(null, DAY.plusDays(5), null, null);
        assertThat(light(Stage.SIGNED, DAY.minusDays(200), ProjectStatus.ACTIVE, dueSoon))
                .map(ProjectLight::rule).contains(LightRule.DAYS_IN_STAGE_RED);
        assertThat(light(Stage.SIGNED, DAY.minusDays(100), ProjectStatus.ACTIVE, dueSoon))
                .map(ProjectLight::rule).contains(LightRule.PLANNED_DATE_DUE);
        PlannedDates passedTwice = new PlannedDates(DAY.minusDays(50), DAY.minusDays(20), null, null);
        assertThat(light(Stage.TALKS, DAY.minusDays(500), ProjectStatus.ACTIVE, passedTwice))
                .contains(new ProjectLight(Light.RED, LightRule.PLANNED_DATE_PASSED, Stage.SIGNED, DAY.minusDays(50), null, null));
    }

    @Test
    void producingTerminatedAndNotYetInTheFunnelHaveNoLight() {
        PlannedDates passed = new PlannedDates(DAY.minusYears(2), null, null, null);
        assertThat(light(Stage.PRODUCING, DAY.minusDays(999), ProjectStatus.ACTIVE, passed)).isEmpty();
        assertThat(light(Stage.TALKS, DAY.minusDays(999), ProjectStatus.TERMINATED, passed)).isEmpty();
        assertThat(light(null, null, ProjectStatus.ACTIVE, passed)).isEmpty();
    }

    @Test
    void settingsThatCannotBeMeantStopTheStart() {
        Map<Stage, LightSettings.StageThresholds> thresholds = new EnumMap<>(settings(30).daysInStage());
        thresholds.put(Stage.LANDED, new LightSettings.StageThresholds(100, 99));
        assertThatThrownBy(() -> new LightSettings(30, thresholds)).hasMessageContaining("days-in-stage.LANDED");
        thresholds.remove(Stage.LANDED);
        assertThatThrownBy(() -> new LightSettings(30, thresholds)).hasMessageContaining("LANDED is missing");
        assertThatThrownBy(() -> new LightSettings(-1, settings(30).daysInStage())).hasMessageContaining("due-within-days");
    }

    /** The defaults of application.yml, as docs/funnel.md gives them. */
    static LightSettings settings(int dueWithinDays) {
        return new LightSettings(dueWithinDays, Map.of(
                Stage.TALKS, new LightSettings.StageThresholds(180, 365),
                Stage.SIGNED, new LightSettings.StageThresholds(90, 180),
                Stage.LANDED, new LightSettings.StageThresholds(120, 240),
                Stage.STARTED, new LightSettings.StageThresholds(365, 730)));
    }

    private static Optional<ProjectLight> light(Stage stage, LocalDate since, ProjectStatus status, PlannedDates plans) {
        return RULES.of(new ProjectSummary(UUID.randomUUID(), "C", "n", "120116", "other", stage, since, status,
                BigDecimal.ONE, plans, null, null, null, DuplicateMarks.NONE), DAY);
    }
}
