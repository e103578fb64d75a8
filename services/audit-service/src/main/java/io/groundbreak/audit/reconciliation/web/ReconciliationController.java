package io.groundbreak.audit.reconciliation.web;

import io.groundbreak.audit.ledger.freshness.Freshness;
import io.groundbreak.audit.ledger.freshness.FreshnessReader;
import io.groundbreak.audit.ledger.freshness.WithFreshness;
import io.groundbreak.audit.reconciliation.check.ReconciliationReport;
import io.groundbreak.audit.reconciliation.check.Reconciler;
import io.groundbreak.audit.reconciliation.client.FunnelServiceUnavailable;
import io.groundbreak.kit.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReconciliationController {

    private final Reconciler reconciler;
    private final FreshnessReader freshness;

    ReconciliationController(Reconciler reconciler, FreshnessReader freshness) {
        this.reconciler = reconciler;
        this.freshness = freshness;
    }

    @PostMapping("/api/audit/reconciliation")
    WithFreshness<ReconciliationReport> reconcile() {
        Freshness fresh = freshness.now();
        return new WithFreshness<>(reconciler.reconcile(), fresh);
    }

    @ExceptionHandler(FunnelServiceUnavailable.class)
    ProblemDetail unavailable(FunnelServiceUnavailable unavailable) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "funnel-service-unavailable",
                "funnel-service could not be asked for its funnel: " + unavailable.getMessage());
    }
}
