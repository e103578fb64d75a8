package io.groundbreak.events;

import java.math.BigDecimal;

/**
 * A district office registered a project; {@code park} is optional, and so are the supervision fields of schema
 * 1.1: the planned dates of the stages ahead, the responsible person (责任人), the responsible leader (包联领导) and the
 * source (a code of the reference data's sources.csv). An event of schema 1.0 has none of them.
 */
public record ProjectRegistered(
        ProjectId projectId,
        String code,
        String name,
        String district,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        PlannedDates plannedDates,
        String responsiblePerson,
        String responsibleLeader,
        String source) implements ProjectEvent {

    /** A registration with the fields of schema 1.0 only. */
    public ProjectRegistered(ProjectId projectId, String code, String name, String district, String chain,
                             String investor, BigDecimal plannedInvestmentCny, String park) {
        this(projectId, code, name, district, chain, investor, plannedInvestmentCny, park, null, null, null, null);
    }
}
