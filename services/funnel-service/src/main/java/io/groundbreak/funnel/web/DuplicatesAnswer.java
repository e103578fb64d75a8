package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.query.ComparedProject;
import io.groundbreak.funnel.query.DuplicateCandidate;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** GET /api/duplicates: the likely duplicates across districts now, each pair with its evidence, by code. */
record DuplicatesAnswer(long total, List<Pair> candidates, Freshness freshness) {

    record Pair(Project first, Project second, Evidence evidence) {

        static Pair of(DuplicateCandidate candidate, Labels labels) {
            return new Pair(Project.of(candidate.first(), labels), Project.of(candidate.second(), labels),
                    new Evidence(candidate.investorSimilarity(), candidate.nameSimilarity(), candidate.investmentRatio()));
        }
    }

    record Project(UUID projectId, String code, String name, Label district, Label chain, String investor,
                   BigDecimal plannedInvestmentCny) {

        static Project of(ComparedProject project, Labels labels) {
            return new Project(project.projectId(), project.code(), project.name(), labels.district(project.district()),
                    labels.chain(project.chain()), project.investor(), project.plannedInvestmentCny());
        }
    }

    /** Investors' and names' similarity (0–1) and the planned investments' ratio (larger over smaller). */
    record Evidence(double investorSimilarity, double nameSimilarity, double investmentRatio) {
    }
}
