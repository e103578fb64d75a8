package io.groundbreak.audit.periods.figures;

import io.groundbreak.audit.funnel.replay.ProjectState;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectRegistered;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a month's figures need of one project: its funnel state (the bitemporal funnel's own fold), its code and name
 * for the restatements, the cumulative completed investment last reported for each month, and whether it is a
 * duplicate as known at the instant the figures are for.
 */
final class PeriodProject {

    private final ProjectState funnel = new ProjectState();
    private final Map<YearMonth, BigDecimal> reported = new HashMap<>();
    private String code;
    private String name;
    private boolean duplicate;

    PeriodProject(boolean duplicate) {
        this.duplicate = duplicate;
    }

    void apply(ProjectEvent event) {
        funnel.apply(event);
        if (event instanceof ProjectRegistered registered) {
            code = registered.code();
            name = registered.name();
        } else if (event instanceof ProjectDetailsAmended amended && amended.name() != null) {
            name = amended.name();
        } else if (event instanceof InvestmentReported report) {
            // a later report for the same month replaces the earlier one (cumulative figures)
            reported.put(report.period(), report.cumulativeCompletedCny());
        }
    }

    /** A pair's decision made the project a duplicate, or no longer one. */
    void duplicate(boolean duplicate) {
        this.duplicate = duplicate;
    }

    /** A duplicate leaves every figure of the month. */
    boolean isDuplicate() {
        return duplicate;
    }

    ProjectState funnel() {
        return funnel;
    }

    Optional<BigDecimal> reportedFor(YearMonth period) {
        return funnel.isRegistered() ? Optional.ofNullable(reported.get(period)) : Optional.empty();
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }
}
