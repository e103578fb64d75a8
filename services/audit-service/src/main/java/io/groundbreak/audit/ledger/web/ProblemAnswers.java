package io.groundbreak.audit.ledger.web;

import io.groundbreak.kit.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as RFC 9457 problem+json with a stable {@code type}. */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    @ExceptionHandler(UnknownProject.class)
    ProblemDetail unknownProject(UnknownProject unknown) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-project", "The ledger holds no event of this project.");
    }
}
