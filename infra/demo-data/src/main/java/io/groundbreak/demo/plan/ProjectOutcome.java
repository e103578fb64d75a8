package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a project stands once all of its actions are applied: its recorded, not retracted stages with their
 * (corrected) dates, its termination and open suspension, and its details as amended.
 */
public record ProjectOutcome(String code, String district, String chain, BigDecimal plannedInvestmentCny,
                             Map<Stage, LocalDate> stages, LocalDate suspendedSince, LocalDate terminatedOn,
                             Map<Stage, LocalDate> plannedDates, java.util.NavigableMap<java.time.YearMonth, BigDecimal> reports) {

    public ProjectOutcome {
        stages = Collections.unmodifiableMap(new EnumMap<>(stages));
        plannedDates = Collections.unmodifiableMap(plannedDates.isEmpty()
                ? new EnumMap<>(Stage.class) : new EnumMap<>(plannedDates));
        reports = Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(reports));
    }

    static ProjectOutcome of(DemoProject project) {
        String chain = project.chain();
        BigDecimal planned = project.plannedInvestmentCny();
        Map<Stage, LocalDate> stages = new EnumMap<>(Stage.class);
        LocalDate suspendedSince = null;
        LocalDate terminatedOn = null;
        java.util.TreeMap<java.time.YearMonth, BigDecimal> reports = new java.util.TreeMap<>();
        for (ProjectAction action : project.allActions()) {
            if (action instanceof RecordMilestone recorded) {
                stages.put(recorded.stage(), recorded.effectiveDate());
            } else if (action instanceof CorrectMilestone corrected) {
                stages.put(corrected.stage(), corrected.effectiveDate());
            } else if (action instanceof RetractMilestone retracted) {
                stages.remove(retracted.stage());
            } else if (action instanceof StatusChange change) {
                switch (change.kind()) {
                    case SUSPENSION -> suspendedSince = change.effectiveDate();
                    case RESUMPTION -> suspendedSince = null;
                    case TERMINATION -> terminatedOn = change.effectiveDate();
                }
            } else if (action instanceof ReportInvestment report) {
                reports.put(report.period(), report.cumulativeCompletedCny());
            } else if (action instanceof AmendDetails amended) {
                chain = amended.chain() != null ? amended.chain() : chain;
                planned = amended.plannedInvestmentCny() != null ? amended.plannedInvestmentCny() : planned;
            }
        }
        return new ProjectOutcome(project.code(), project.district(), chain, planned, stages, suspendedSince,
                terminatedOn, project.supervision() == null ? Map.of() : project.supervision().plannedDates(), reports);
    }

    /** The highest recorded stage dated on or before the day (docs/funnel.md). */
    public Optional<Stage> stageOn(LocalDate day) {
        Stage highest = null;
        for (Map.Entry<Stage, LocalDate> stage : stages.entrySet()) {
            if (!stage.getValue().isAfter(day)) {
                highest = stage.getKey();
            }
        }
        return Optional.ofNullable(highest);
    }

    public boolean terminatedOn(LocalDate day) {
        return terminatedOn != null && !terminatedOn.isAfter(day);
    }

    /**
     * The day the project first reached the stage by the day (docs/funnel.md "reachedOn"): the earliest date of its
     * recorded stages at or above it, on or before the day; empty when it had not.
     */
    public Optional<LocalDate> reachedOn(Stage stage, LocalDate day) {
        return stages.entrySet().stream()
                .filter(entry -> entry.getKey().compareTo(stage) >= 0 && !entry.getValue().isAfter(day))
                .map(Map.Entry::getValue).min(LocalDate::compareTo);
    }

    /** The cumulative completed investment last reported for a month up to {@code month}, zero when none. */
    public BigDecimal completedBy(java.time.YearMonth month) {
        Map.Entry<java.time.YearMonth, BigDecimal> last = reports.floorEntry(month);
        return last == null ? BigDecimal.ZERO : last.getValue();
    }

    /** The highest recorded stage of all, if any. */
    public Optional<Stage> finalStage() {
        return stages.keySet().stream().reduce((lower, higher) -> higher);
    }
}
