package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

public class MilestoneBeforeHighestStageDate extends ProjectRuleViolation {

    public MilestoneBeforeHighestStageDate(LocalDate requested, LocalDate highestStageDate) {
        super("date-before-highest-stage", Kind.DATE,
                "effectiveDate " + requested + " is before the highest stage's date " + highestStageDate);
    }
}
