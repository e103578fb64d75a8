package io.groundbreak.events;

import java.math.BigDecimal;

/** A district office registered a project; {@code park} is optional. */
public record ProjectRegistered(
        ProjectId projectId,
        String code,
        String name,
        String district,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park) implements ProjectEvent {
}
