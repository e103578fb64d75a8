package io.groundbreak.events;

import java.math.BigDecimal;

/**
 * Some of a project's details changed; a null field is unchanged. The district can never change. Of
 * {@code plannedDates} only the stages given change (schema 1.1, like the responsible person and leader and the
 * source). Its fields repeat ProjectRegistered's on purpose: each event is a message of its own, with its own schema.
 */
public record ProjectDetailsAmended(
        ProjectId projectId,
        String name,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        PlannedDates plannedDates,
        String responsiblePerson,
        String responsibleLeader,
        String source,
        String reason) implements ProjectEvent {

    /** An amendment of the fields of schema 1.0 only. */
    public ProjectDetailsAmended(ProjectId projectId, String name, String chain, String investor,
                                 BigDecimal plannedInvestmentCny, String park, String reason) {
        this(projectId, name, chain, investor, plannedInvestmentCny, park, null, null, null, null, reason);
    }
}
