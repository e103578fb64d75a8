package io.groundbreak.audit.ledger.web;

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

    @ExceptionHandler(UnknownProject.class)
    ProblemDetail unknownProject(UnknownProject unknown) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-project", "The ledger holds no event of this project.");
    }

    /** The database does not answer (down, restarting, out of connections): 503 with Retry-After, never a 500. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException failure) {
        if (!DatabaseOutages.isRetryable(failure)) {
            throw failure;
        }
        return Problems.databaseUnavailable();
    }
}
