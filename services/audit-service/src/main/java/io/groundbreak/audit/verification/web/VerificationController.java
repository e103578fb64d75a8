package io.groundbreak.audit.verification.web;

import io.groundbreak.audit.verification.check.VerificationReport;
import io.groundbreak.audit.verification.check.Verifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VerificationController {

    private final Verifier verifier;

    VerificationController(Verifier verifier) {
        this.verifier = verifier;
    }

    /** A POST: it is an action (it reads the whole ledger), and its answer is never cached. */
    @PostMapping("/api/audit/verification")
    VerificationReport verify() {
        return verifier.verify();
    }
}
