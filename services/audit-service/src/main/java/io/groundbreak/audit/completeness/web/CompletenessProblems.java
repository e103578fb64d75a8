package io.groundbreak.audit.completeness.web;

import io.groundbreak.audit.completeness.client.HeadsUnavailable;
import io.groundbreak.kit.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Verification and reconciliation compare with the source: without milestone-service's heads nothing can be
 * said about completeness (503, try again); without funnel-service's, 502 as reconciliation always answered.
 */
@RestControllerAdvice
class CompletenessProblems {

    static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler(HeadsUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(HeadsUnavailable unavailable) {
        if (unavailable.isMilestoneService()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "milestone-service-unavailable",
                            "milestone-service could not be asked for its project heads: " + unavailable.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(Problems.of(HttpStatus.BAD_GATEWAY, "funnel-service-unavailable",
                        "funnel-service could not be asked for its project heads: " + unavailable.getMessage()));
    }
}
