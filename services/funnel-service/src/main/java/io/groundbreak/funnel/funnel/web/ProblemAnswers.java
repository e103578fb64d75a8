package io.groundbreak.funnel.funnel.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as RFC 9457 problem+json with a stable {@code type}. */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final String TYPE_PREFIX = "urn:groundbreak:problem:";

    @ExceptionHandler(InvalidQuery.class)
    ProblemDetail invalid(InvalidQuery invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Some parameters are invalid.");
        problem.setProperty("errors", invalid.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    @ExceptionHandler(OtherDistrict.class)
    ProblemDetail otherDistrict(OtherDistrict refused) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "A district office reads its own district only.");
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        return problem;
    }
}
