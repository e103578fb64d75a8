package io.groundbreak.web.excel.export;

import io.groundbreak.kit.web.Problems;
import io.groundbreak.web.gateway.BackendUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a document built from the services' reads (an export, a briefing) answers when a read fails: a service's own
 * refusal comes back unchanged, and a service that does not answer is 503 {@code service-unavailable} in the request's
 * language, as the gateway answers.
 */
public abstract class ServiceReadProblems {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String document;

    /** {@code document}: what failed, for the log ("export", "briefing"). */
    protected ServiceReadProblems(String document) {
        this.document = document;
    }

    /** The 503's detail in the request's language. */
    protected abstract String unavailableDetail(HttpServletRequest request);

    @ExceptionHandler
    public ResponseEntity<byte[]> serviceRefused(ServiceRefused refused) {
        return ResponseEntity.status(refused.status()).header("Content-Type", refused.contentType()).body(refused.body());
    }

    @ExceptionHandler
    public ProblemDetail unavailable(BackendUnavailable unavailable, HttpServletRequest request) {
        log.warn("{} failed: {}", document, unavailable.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", unavailableDetail(request));
    }
}
