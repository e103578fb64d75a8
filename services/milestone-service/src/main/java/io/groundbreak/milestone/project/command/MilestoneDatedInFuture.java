package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

public class MilestoneDatedInFuture extends ProjectRuleViolation {

    public MilestoneDatedInFuture(LocalDate requested, LocalDate today) {
        super("date-in-future", Kind.DATE, "effectiveDate " + requested + " is after today (" + today + ")");
    }
}
