package io.groundbreak.funnel.query;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project as listed: its stage on the date asked for (null before its first stage) and since when it holds it, and
 * its supervision details (schema 1.1: the planned dates, {@link PlannedDates#NONE} without plans; responsible person
 * and leader and source, null when not recorded), and its duplicate decisions' marks (schema 1.3).
 */
public record ProjectSummary(UUID projectId, String code, String name, String district, String chain,
                             Stage stage, LocalDate stageSince, ProjectStatus status, BigDecimal plannedInvestmentCny,
                             PlannedDates plannedDates, String responsiblePerson, String responsibleLeader,
                             String source, DuplicateMarks marks) {

    ProjectSummary marked(DuplicateMarks found) {
        return new ProjectSummary(projectId, code, name, district, chain, stage, stageSince, status, plannedInvestmentCny,
                plannedDates, responsiblePerson, responsibleLeader, source, found);
    }
}
