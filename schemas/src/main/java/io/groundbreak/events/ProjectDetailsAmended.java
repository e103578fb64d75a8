package io.groundbreak.events;

import java.math.BigDecimal;

/** Some of a project's details changed; a null field is unchanged. The district can never change. */
public record ProjectDetailsAmended(
        ProjectId projectId,
        String name,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        String reason) implements ProjectEvent {
}
