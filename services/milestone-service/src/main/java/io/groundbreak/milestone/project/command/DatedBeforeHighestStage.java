package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

/** A milestone, suspension or termination dated before the project's highest stage was reached. */
public class DatedBeforeHighestStage extends ProjectRuleViolation {

    public DatedBeforeHighestStage(LocalDate requested, LocalDate highestStageDate) {
        super("date-before-highest-stage", Kind.DATE,
                "effectiveDate " + requested + " is before the highest stage's date " + highestStageDate,
                requested, highestStageDate);
    }

    @Override
    public String field() {
        return "effectiveDate";
    }
}
