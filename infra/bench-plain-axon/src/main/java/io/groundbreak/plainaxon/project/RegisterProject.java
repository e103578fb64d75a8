package io.groundbreak.plainaxon.project;

import java.math.BigDecimal;

public record RegisterProject(String projectId, String code, String name, String district, String chain,
                              String investor, BigDecimal plannedInvestmentCny) {
}
