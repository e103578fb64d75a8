package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.ProjectLight;
import io.groundbreak.funnel.query.ProjectStatus;
import io.groundbreak.funnel.query.ProjectSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project in GET /api/projects; {@code stage} is null before its first stage; {@code source}, the responsible person
 * and leader null when not recorded; {@code light} null where none applies (docs/funnel.md "Lights").
 */
record ProjectItem(UUID projectId, String code, String name, Label district, Label chain, Label stage,
                   LocalDate stageSince, ProjectStatus status, BigDecimal plannedInvestmentCny, Label source,
                   String responsiblePerson, String responsibleLeader, LightAnswer light) {

    static ProjectItem of(ProjectSummary summary, ProjectLight light, Labels labels) {
        return new ProjectItem(summary.projectId(), summary.code(), summary.name(), labels.district(summary.district()),
                labels.chain(summary.chain()), labels.stage(summary.stage()), summary.stageSince(), summary.status(),
                summary.plannedInvestmentCny(), summary.source() == null ? null : labels.source(summary.source()),
                summary.responsiblePerson(), summary.responsibleLeader(), LightAnswer.of(light, labels));
    }
}
