package io.groundbreak.web.briefing;

import io.groundbreak.kit.web.Problems;
import io.groundbreak.web.excel.export.ServiceReadProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A briefing refused: a bad month, district or chain is 400 {@code invalid-request} naming the parameter, another
 * district's briefing for a district office 403 {@code forbidden}; a service's own refusal comes back unchanged, and a
 * service that does not answer is 503 {@code service-unavailable}, as the gateway answers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = BriefingController.class)
class BriefingProblems extends ServiceReadProblems {

    private final BriefingTexts texts;

    BriefingProblems(BriefingTexts texts) {
        super("briefing");
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

    @Override
    protected String unavailableDetail(HttpServletRequest request) {
        return texts.text(BriefingController.locale(request), "briefing.unavailable");
    }
}
