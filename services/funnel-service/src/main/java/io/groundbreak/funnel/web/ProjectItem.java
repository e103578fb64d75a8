package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.ProjectStatus;
import io.groundbreak.funnel.query.ProjectSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A project in GET /api/projects; {@code stage} is null before its first stage. */
record ProjectItem(UUID projectId, String code, String name, Label district, Label chain, Label stage,
                   LocalDate stageSince, ProjectStatus status, BigDecimal plannedInvestmentCny) {

    static ProjectItem of(ProjectSummary summary, Labels labels) {
        return new ProjectItem(summary.projectId(), summary.code(), summary.name(), labels.district(summary.district()),
                labels.chain(summary.chain()), labels.stage(summary.stage()), summary.stageSince(), summary.status(),
                summary.plannedInvestmentCny());
    }
}
