package io.groundbreak.audit.ledger.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as RFC 9457 problem+json with a stable {@code type}. */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final String TYPE_PREFIX = "urn:groundbreak:problem:";

    @ExceptionHandler(UnknownProject.class)
    ProblemDetail unknownProject(UnknownProject unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The ledger holds no event of this project.");
        problem.setType(URI.create(TYPE_PREFIX + "unknown-project"));
        return problem;
    }
}
