package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the funnel needs of one project, folded from its events in sequence order: each recorded stage
 * with its (corrected) date, retracted stages gone, the termination date, and the details as amended.
 * Suspension, resumption and investment reports do not change the funnel (docs/funnel.md), nor do change requests
 * (schema 1.3: requested, rejected, withdrawn or approved): an approved change is the normal event that follows its
 * {@code ChangeApproved}, and counts from then like any other.
 */
public final class ProjectState {

    private String district;
    private String chain;
    private BigDecimal plannedInvestmentCny;
    private final Map<Stage, LocalDate> stages = new EnumMap<>(Stage.class);
    private LocalDate terminatedOn;

    public void apply(ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            district = registered.district();
            chain = registered.chain();
            plannedInvestmentCny = registered.plannedInvestmentCny();
        } else if (event instanceof MilestoneRecorded recorded) {
            // a stage recorded again after its retraction takes the new date
            stages.put(recorded.stage(), recorded.effectiveDate());
        } else if (event instanceof MilestoneCorrected corrected) {
            stages.computeIfPresent(corrected.stage(), (stage, date) -> corrected.effectiveDate());
        } else if (event instanceof MilestoneRetracted retracted) {
            stages.remove(retracted.stage());
        } else if (event instanceof ProjectTerminated terminated) {
            terminatedOn = terminated.effectiveDate();
        } else if (event instanceof ProjectDetailsAmended amended) {
            if (amended.chain() != null) {
                chain = amended.chain();
            }
            if (amended.plannedInvestmentCny() != null) {
                plannedInvestmentCny = amended.plannedInvestmentCny();
            }
        }
    }

    /** False until the registration is known: events without it (recorded after knownAt) count for nothing. */
    public boolean isRegistered() {
        return district != null;
    }

    public String district() {
        return district;
    }

    public String chain() {
        return chain;
    }

    public BigDecimal plannedInvestmentCny() {
        return plannedInvestmentCny;
    }

    /** The highest stage whose effective date is on or before the valid date; empty when not in the funnel. */
    public Optional<Stage> stageOn(LocalDate validAt) {
        Stage highest = null;
        for (Map.Entry<Stage, LocalDate> stage : stages.entrySet()) {
            if (!stage.getValue().isAfter(validAt)) {
                highest = stage.getKey();
            }
        }
        return Optional.ofNullable(highest);
    }

    public boolean isTerminatedOn(LocalDate validAt) {
        return terminatedOn != null && !terminatedOn.isAfter(validAt);
    }
}
