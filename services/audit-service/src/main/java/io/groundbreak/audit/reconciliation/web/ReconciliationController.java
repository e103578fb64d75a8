package io.groundbreak.audit.reconciliation.web;

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

    ReconciliationController(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @PostMapping("/api/audit/reconciliation")
    ReconciliationReport reconcile() {
        return reconciler.reconcile();
    }

    @ExceptionHandler(FunnelServiceUnavailable.class)
    ProblemDetail unavailable(FunnelServiceUnavailable unavailable) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "funnel-service-unavailable",
                "funnel-service could not be asked for its funnel: " + unavailable.getMessage());
    }
}
