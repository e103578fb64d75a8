package io.groundbreak.funnel.projection;

import io.groundbreak.events.PlannedDates;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project's row of the {@code project} table; {@code plannedDates} is {@link PlannedDates#NONE} for a project
 * without plans (schema 1.0's events have none).
 */
record ProjectRow(String code, String name, String district, String chain, String investor, String park,
                  BigDecimal plannedInvestmentCny, LocalDate terminatedOn, PlannedDates plannedDates,
                  String responsiblePerson, String responsibleLeader, String source) {

    ProjectRow terminated(LocalDate on) {
        return new ProjectRow(code, name, district, chain, investor, park, plannedInvestmentCny, on, plannedDates,
                responsiblePerson, responsibleLeader, source);
    }

    /** The amended fields replace the row's; a field left out (null) keeps its value, and so does a stage's plan. */
    ProjectRow amended(String newName, String newChain, String newInvestor, String newPark, BigDecimal newPlanned,
                       PlannedDates newPlans, String newPerson, String newLeader, String newSource) {
        return new ProjectRow(code, orKept(newName, name), district, orKept(newChain, chain), orKept(newInvestor, investor),
                orKept(newPark, park), orKept(newPlanned, plannedInvestmentCny), terminatedOn, plannedDates.with(newPlans),
                orKept(newPerson, responsiblePerson), orKept(newLeader, responsibleLeader), orKept(newSource, source));
    }

    private static <T> T orKept(T amended, T kept) {
        return amended != null ? amended : kept;
    }
}
