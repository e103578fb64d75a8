package io.groundbreak.milestone.project.web;

import io.groundbreak.milestone.project.command.ProjectRuleViolation;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

    private static final String TYPE_PREFIX = "urn:groundbreak:problem:";

    @ExceptionHandler(ProjectRuleViolation.class)
    ProblemDetail ruleBroken(ProjectRuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case ORDER -> HttpStatus.CONFLICT;
            case DATE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case DISTRICT -> HttpStatus.FORBIDDEN;
        };
        return problem(status, violation.code(), violation.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, UnknownProject.class})
    ProblemDetail unknownProject(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-project", "No such project.");
    }

    /** Two writers on one project at once, or a project id registered twice: the loser is told. */
    @ExceptionHandler({ConcurrencyException.class, EventStoreException.class})
    ProblemDetail concurrentWrite(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-write",
                "Another change to this project was recorded at the same moment, or it exists already; reload and retry.");
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Some fields are invalid.");
        problem.setProperty("errors", invalid.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidRequest.FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidRequest.FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(new InvalidRequest(problems)));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        return problem;
    }
}
