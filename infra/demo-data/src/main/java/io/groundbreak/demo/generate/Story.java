package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.ProjectAction;
import java.time.LocalDate;
import java.util.List;

/** A project's actions in posting order, and the day its story starts (for its code's year). */
record Story(List<ProjectAction> actions, LocalDate firstDay) {
}
