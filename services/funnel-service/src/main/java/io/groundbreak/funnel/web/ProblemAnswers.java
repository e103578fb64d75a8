package io.groundbreak.funnel.web;

import io.groundbreak.funnel.deadletter.DeadLetterClosed;
import io.groundbreak.funnel.deadletter.UnknownDeadLetter;
import io.groundbreak.funnel.rebuild.RebuildRunning;
import io.groundbreak.kit.database.DatabaseOutages;
import io.groundbreak.kit.web.Problems;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
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

    @ExceptionHandler(UnknownDeadLetter.class)
    ProblemDetail unknownDeadLetter(UnknownDeadLetter unknown) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-dead-letter", unknown.getMessage());
    }

    @ExceptionHandler(DeadLetterClosed.class)
    ProblemDetail deadLetterClosed(DeadLetterClosed closed) {
        return Problems.of(HttpStatus.CONFLICT, "dead-letter-closed", closed.getMessage());
    }

    /** The database does not answer (down, restarting, read-only): 503 with Retry-After, never a 500. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException failure) throws RuntimeException {
        if (!DatabaseOutages.isRetryable(failure)) {
            throw failure;
        }
        return Problems.databaseUnavailable();
    }
}
