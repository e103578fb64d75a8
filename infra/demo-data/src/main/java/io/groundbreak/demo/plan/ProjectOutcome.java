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
                             Map<Stage, LocalDate> stages, LocalDate suspendedSince, LocalDate terminatedOn) {

    public ProjectOutcome {
        stages = Collections.unmodifiableMap(new EnumMap<>(stages));
    }

    static ProjectOutcome of(DemoProject project) {
        String chain = project.chain();
        BigDecimal planned = project.plannedInvestmentCny();
        Map<Stage, LocalDate> stages = new EnumMap<>(Stage.class);
        LocalDate suspendedSince = null;
        LocalDate terminatedOn = null;
        for (ProjectAction action : project.actions()) {
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
            } else if (action instanceof AmendDetails amended) {
                chain = amended.chain() != null ? amended.chain() : chain;
                planned = amended.plannedInvestmentCny() != null ? amended.plannedInvestmentCny() : planned;
            }
        }
        return new ProjectOutcome(project.code(), project.district(), chain, planned, stages, suspendedSince,
                terminatedOn);
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

    /** The highest recorded stage of all, if any. */
    public Optional<Stage> finalStage() {
        return stages.keySet().stream().reduce((lower, higher) -> higher);
    }
}
