package io.groundbreak.audit.ledger.web;

import io.groundbreak.audit.ledger.freshness.Freshness;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /api/audit/projects/{id}/history: the project's events in sequence order, each as the export writes it, and the
 * duplicate decisions naming it (from the pairs' streams) in the order recorded.
 */
record HistoryAnswer(UUID projectId, List<ObjectNode> events, List<PairDecision> duplicateDecisions,
                     Freshness freshness) {
}
