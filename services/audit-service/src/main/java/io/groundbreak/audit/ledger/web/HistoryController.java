package io.groundbreak.audit.ledger.web;

import io.groundbreak.audit.ledger.freshness.Freshness;
import io.groundbreak.audit.ledger.freshness.FreshnessReader;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.ProjectId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit/projects")
class HistoryController {

    private final Ledger ledger;
    private final FreshnessReader freshness;

    HistoryController(Ledger ledger, FreshnessReader freshness) {
        this.ledger = ledger;
        this.freshness = freshness;
    }

    /**
     * Every event of the project in sequence order, each written as the export writes it (the envelope's
     * fields, the body under {@code data}), so an auditor recomputes each hash from the answer alone; beside them every
     * duplicate decision naming the project (schema 1.3), which is on the pair's stream. A change request, its
     * approval, rejection or withdrawal is on the project's stream: one of its events, recorded by whoever did it.
     */
    @GetMapping("/{projectId}/history")
    HistoryAnswer history(@PathVariable String projectId) {
        ProjectId id = parse(projectId);
        Freshness fresh = freshness.now();
        List<StoredEvent> events = ledger.history(id);
        if (events.isEmpty()) {
            throw new UnknownProject(projectId);
        }
        return new HistoryAnswer(id.value(), events.stream().map(StoredEvent::asAuditorReadsIt).toList(),
                ledger.decisionsNaming(id).stream().map(PairDecision::of).toList(), fresh);
    }

    /** A path id that is not a UUID names no project: 404, not 400. */
    private static ProjectId parse(String projectId) {
        try {
            return ProjectId.parse(projectId);
        } catch (IllegalArgumentException e) {
            throw new UnknownProject(projectId);
        }
    }
}
