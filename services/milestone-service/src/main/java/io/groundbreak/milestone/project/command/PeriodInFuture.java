package io.groundbreak.milestone.project.command;

import java.time.YearMonth;

public class PeriodInFuture extends ProjectRuleViolation {

    public PeriodInFuture(YearMonth requested, YearMonth current) {
        super("period-in-future", Kind.DATE, "period " + requested + " is after the current month " + current,
                requested, current);
    }

    @Override
    public String field() {
        return "period";
    }
}
