package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.kit.web.Problems;
import io.groundbreak.milestone.project.command.ProjectRuleViolation;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as RFC 9457 problem+json with a stable {@code type}; nothing is written. */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProjectRuleViolation.class)
    ProblemDetail ruleBroken(ProjectRuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case ORDER -> HttpStatus.CONFLICT;
            case DATE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case DISTRICT -> HttpStatus.FORBIDDEN;
        };
        return Problems.of(status, violation.code(), violation.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, UnknownProject.class})
    ProblemDetail unknownProject(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-project", "No such project.");
    }

    /** Two writers on one project at once, or a project id registered twice: the loser is told. */
    @ExceptionHandler({ConcurrencyException.class, EventStoreException.class})
    ProblemDetail concurrentWrite(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-write",
                "Another change to this project was recorded at the same moment, or it exists already; reload and retry.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidInput.FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(problems));
    }

}
