package io.groundbreak.web.briefing;

import io.groundbreak.kit.web.Problems;
import io.groundbreak.web.excel.export.ServiceRefused;
import io.groundbreak.web.gateway.BackendUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A briefing refused: a bad month, district or chain is 400 {@code invalid-request} naming the parameter, another
 * district's briefing for a district office 403 {@code forbidden}; a service's own refusal comes back unchanged, and a
 * service that does not answer is 503 {@code service-unavailable}, as the gateway answers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = BriefingController.class)
class BriefingProblems {

    private static final Logger LOG = LoggerFactory.getLogger(BriefingProblems.class);

    private final BriefingTexts texts;

    BriefingProblems(BriefingTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler
    ProblemDetail refused(BriefingRefused refused, HttpServletRequest request) {
        Locale locale = BriefingController.locale(request);
        String message = texts.text(locale, refused.messageKey(), refused.arguments());
        if (refused.status() == HttpStatus.FORBIDDEN) {
            return Problems.of(HttpStatus.FORBIDDEN, "forbidden", message);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", message);
        problem.setProperty("errors", List.of(Map.of("field", refused.field(), "message", message)));
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<byte[]> serviceRefused(ServiceRefused refused) {
        return ResponseEntity.status(refused.status()).header("Content-Type", refused.contentType()).body(refused.body());
    }

    @ExceptionHandler
    ProblemDetail unavailable(BackendUnavailable unavailable, HttpServletRequest request) {
        LOG.warn("briefing failed: {}", unavailable.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                texts.text(BriefingController.locale(request), "briefing.unavailable"));
    }
}
