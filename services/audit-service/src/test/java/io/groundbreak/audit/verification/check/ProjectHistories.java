package io.groundbreak.audit.verification.check;

import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A project's history as the bench seeds it: its registration and a milestone per stage. */
final class ProjectHistories {

    private ProjectHistories() {
    }

    static List<ProjectEvent> history(ProjectId project, int number, String district, Random random) {
        List<ProjectEvent> events = new ArrayList<>();
        events.add(new ProjectRegistered(project, "SEED-" + number, "基准项目 " + number, district,
                "chain-" + random.nextInt(4), "某某投资集团有限公司",
                BigDecimal.valueOf(100_000_000L + random.nextInt(900_000_000), 0).setScale(2), null));
        LocalDate date = LocalDate.of(2021, 1, 4).plusDays(random.nextInt(900));
        for (Stage stage : Stage.values()) {
            events.add(new MilestoneRecorded(project, stage, date,
                    BigDecimal.valueOf(10_000_000L + random.nextInt(90_000_000), 0).setScale(2), null));
            date = date.plusDays(random.nextInt(60));
        }
        return events;
    }
}
