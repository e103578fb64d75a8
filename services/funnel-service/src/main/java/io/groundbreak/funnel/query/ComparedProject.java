package io.groundbreak.funnel.query;

import java.math.BigDecimal;
import java.util.UUID;

/** What the duplicate rules look at of a project, and what a coordination office needs to judge a pair. */
public record ComparedProject(UUID projectId, String code, String name, String district, String chain, String investor,
                              BigDecimal plannedInvestmentCny) {
}
