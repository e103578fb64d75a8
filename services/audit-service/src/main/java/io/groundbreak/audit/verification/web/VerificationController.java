package io.groundbreak.audit.verification.web;

import io.groundbreak.audit.ledger.freshness.Freshness;
import io.groundbreak.audit.ledger.freshness.FreshnessReader;
import io.groundbreak.audit.ledger.freshness.WithFreshness;
import io.groundbreak.audit.verification.check.VerificationReport;
import io.groundbreak.audit.verification.check.Verifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VerificationController {

    private final Verifier verifier;
    private final FreshnessReader freshness;

    VerificationController(Verifier verifier, FreshnessReader freshness) {
        this.verifier = verifier;
        this.freshness = freshness;
    }

    /** A POST: it is an action (it reads the whole ledger), and its answer is never cached. */
    @PostMapping("/api/audit/verification")
    WithFreshness<VerificationReport> verify() {
        Freshness fresh = freshness.now();
        return new WithFreshness<>(verifier.verify(), fresh);
    }
}
