package io.groundbreak.funnel.funnel.web;

import io.groundbreak.funnel.funnel.rebuild.RebuildRunning;
import io.groundbreak.kit.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as RFC 9457 problem+json with a stable {@code type}. */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    @ExceptionHandler(OtherDistrict.class)
    ProblemDetail otherDistrict(OtherDistrict refused) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "A district office reads its own district only.");
    }

    @ExceptionHandler(RebuildRunning.class)
    ProblemDetail rebuildRunning(RebuildRunning running) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-running", running.getMessage());
    }

    @ExceptionHandler(UnknownProject.class)
    ProblemDetail unknownProject(UnknownProject unknown) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-project", unknown.getMessage());
    }
}
