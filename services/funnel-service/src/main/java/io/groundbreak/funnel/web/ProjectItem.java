package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.DuplicateMark;
import io.groundbreak.funnel.query.ProjectLight;
import io.groundbreak.funnel.query.ProjectStatus;
import io.groundbreak.funnel.query.ProjectSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project in GET /api/projects; {@code stage} is null before its first stage; {@code source}, the responsible person
 * and leader null when not recorded; {@code light} null where none applies (docs/funnel.md "Lights"); {@code duplicateOf}
 * the primary when a decision made the project a duplicate (null otherwise), {@code duplicates} the projects it is the
 * primary of (docs/funnel.md "Duplicates").
 */
record ProjectItem(UUID projectId, String code, String name, Label district, Label chain, Label stage,
                   LocalDate stageSince, ProjectStatus status, BigDecimal plannedInvestmentCny, Label source,
                   String responsiblePerson, String responsibleLeader, LightAnswer light, DuplicateMark duplicateOf,
                   List<DuplicateMark> duplicates) {

    static ProjectItem of(ProjectSummary summary, ProjectLight light, Labels labels) {
        return new ProjectItem(summary.projectId(), summary.code(), summary.name(), labels.district(summary.district()),
                labels.chain(summary.chain()), labels.stage(summary.stage()), summary.stageSince(), summary.status(),
                summary.plannedInvestmentCny(), summary.source() == null ? null : labels.source(summary.source()),
                summary.responsiblePerson(), summary.responsibleLeader(), LightAnswer.of(light, labels),
                summary.marks().duplicateOf(), summary.marks().duplicates());
    }
}
