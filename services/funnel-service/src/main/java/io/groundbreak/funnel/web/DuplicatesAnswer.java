package io.groundbreak.funnel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.query.ComparedProject;
import io.groundbreak.funnel.query.DuplicateCandidate;
import io.groundbreak.funnel.query.DuplicateDecision;
import io.groundbreak.funnel.query.DuplicatePair;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/duplicates: the open candidates across districts now, or the decided pairs, each with its evidence (and
 * its decision); {@code id} is "{first}~{second}", the pair's ids in text order, as milestone-service takes it.
 */
record DuplicatesAnswer(long total, List<Pair> candidates, Freshness freshness) {

    /**
     * Investors' and names' similarity (0–1), the planned investments' ratio (larger over smaller; null when either
     * is 0, not known yet); {@code decision} left out while the pair is open.
     */
    record Pair(String id, Project first, Project second, double investorSimilarity, double nameSimilarity,
                Double investmentRatio, @JsonInclude(JsonInclude.Include.NON_NULL) Decision decision) {

        static Pair of(DuplicatePair pair, Labels labels) {
            DuplicateCandidate evidence = pair.evidence();
            DuplicateDecision decided = pair.decision();
            return new Pair(evidence.first().projectId() + "~" + evidence.second().projectId(),
                    Project.of(evidence.first(), labels), Project.of(evidence.second(), labels),
                    evidence.investorSimilarity(), evidence.nameSimilarity(), evidence.investmentRatio(),
                    decided == null ? null : new Decision(decided.same(), decided.primaryProjectId(), decided.reason(),
                            decided.decidedBy(), decided.decidedAt()));
        }
    }

    record Project(UUID projectId, String code, String name, Label district, Label chain, String investor,
                   BigDecimal plannedInvestmentCny) {

        static Project of(ComparedProject project, Labels labels) {
            return new Project(project.projectId(), project.code(), project.name(), labels.district(project.district()),
                    labels.chain(project.chain()), project.investor(), project.plannedInvestmentCny());
        }
    }

    /** {@code primaryProjectId} null when the pair is two investments. */
    record Decision(boolean same, UUID primaryProjectId, String reason, String decidedBy, Instant decidedAt) {
    }
}
