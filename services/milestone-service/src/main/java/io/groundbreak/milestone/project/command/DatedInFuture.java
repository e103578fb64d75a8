package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

/** Nothing is recorded as having happened after today in the city's time zone. */
public class DatedInFuture extends ProjectRuleViolation {

    public DatedInFuture(LocalDate requested, LocalDate today) {
        super("date-in-future", Kind.DATE, "effectiveDate " + requested + " is after today (" + today + ")",
                requested, today);
    }

    @Override
    public String field() {
        return "effectiveDate";
    }
}
