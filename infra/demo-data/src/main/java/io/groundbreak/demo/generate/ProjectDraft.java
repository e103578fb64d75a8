package io.groundbreak.demo.generate;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A project while the generator decides about it: details first, then its fate, amounts, then its story. */
final class ProjectDraft {

    final boolean named;
    final String name;
    final String district;
    final String chain;
    final String investor;
    final String park;
    /** before scaling to the plan's total; named projects keep theirs */
    final double rawYi;
    /** the stages its story records, ascending (skipped ones left out); empty = registered only */
    final List<Stage> recordedStages = new ArrayList<>();
    final Set<Incident> incidents = EnumSet.noneOf(Incident.class);
    AmendmentKind amendment;
    /** the planned investment's change by an amendment of kind INVESTMENT_*, e.g. 0.2 = +20 % */
    double amendmentRatio;
    BigDecimal plannedInvestmentCny;

    ProjectDraft(boolean named, String name, String district, String chain, String investor, String park,
                 double rawYi) {
        this.named = named;
        this.name = name;
        this.district = district;
        this.chain = chain;
        this.investor = investor;
        this.park = park;
        this.rawYi = rawYi;
    }

    Stage finalStage() {
        return recordedStages.isEmpty() ? null : recordedStages.get(recordedStages.size() - 1);
    }

    boolean endsEarly() {
        return incidents.stream().anyMatch(Incident::endsTheStory);
    }

    boolean terminates() {
        return incidents.contains(Incident.TERMINATED) || incidents.contains(Incident.TERMINATED_AFTER_SUSPENSION);
    }
}
