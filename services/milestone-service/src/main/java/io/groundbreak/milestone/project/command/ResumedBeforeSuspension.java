package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

public class ResumedBeforeSuspension extends ProjectRuleViolation {

    public ResumedBeforeSuspension(LocalDate requested, LocalDate suspendedSince) {
        super("resumed-before-suspension", Kind.DATE,
                "effectiveDate " + requested + " is before the suspension's date " + suspendedSince,
                requested, suspendedSince);
    }

    @Override
    public String field() {
        return "effectiveDate";
    }
}
