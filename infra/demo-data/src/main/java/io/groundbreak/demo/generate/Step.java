package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.ProjectAction;
import java.time.LocalDate;

/** An action with the day the district office would have posted it: only orders a project's actions. */
record Step(LocalDate postedOn, ProjectAction action) {
}
