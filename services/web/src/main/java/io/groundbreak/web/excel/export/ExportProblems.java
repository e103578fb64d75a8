package io.groundbreak.web.excel.export;

import io.groundbreak.kit.web.Problems;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.gateway.BackendUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An export that a service refused answers with that service's problem; one that cannot be read, 503. */
// before Boot's problem-details handler (order 0), which would answer the same exceptions without our types
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ExportController.class)
class ExportProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ExportProblems.class);

    private final ExcelTexts texts;

    ExportProblems(ExcelTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler
    ResponseEntity<byte[]> refused(ServiceRefused refused) {
        return ResponseEntity.status(refused.status()).header("Content-Type", refused.contentType()).body(refused.body());
    }

    @ExceptionHandler
    ProblemDetail unavailable(BackendUnavailable unavailable, HttpServletRequest request) {
        LOG.warn("export failed: {}", unavailable.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                texts.text(ExcelTexts.of(request), "service.unavailable"));
    }
}
