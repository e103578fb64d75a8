package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.database.DatabaseOutages;
import io.groundbreak.kit.web.Problems;
import io.groundbreak.milestone.idempotency.IdempotencyKeyReused;
import io.groundbreak.milestone.project.code.DuplicateProjectCode;
import io.groundbreak.milestone.project.code.UnregisteredProject;
import io.groundbreak.milestone.project.command.ProjectRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as RFC 9457 problem+json with a stable {@code type} and a {@code detail} in the
 * request's language (Chinese unless it asks for English), keyed by the problem's code in
 * {@code i18n/messages}. Nothing is written for a refusal: the write's transaction rolls back.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    /** Seconds a client should wait before retrying a write the database could not take. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    private final MessageSource messages;

    ProblemAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProjectRuleViolation.class)
    ProblemDetail ruleBroken(ProjectRuleViolation violation, Locale locale) {
        HttpStatus status = switch (violation.kind()) {
            case ORDER -> HttpStatus.CONFLICT;
            case DATE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case DISTRICT, PERSON -> HttpStatus.FORBIDDEN;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = problem(status, violation.code(), locale, violation.arguments().toArray());
        return violation.field() == null ? problem : withField(problem, violation.field());
    }

    @ExceptionHandler({AggregateNotFoundException.class, UnknownProject.class, UnregisteredProject.class})
    ProblemDetail unknownProject(RuntimeException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "unknown-project", locale);
    }

    /** Another instance appended to this project first, three times over: the client may retry. */
    @ExceptionHandler({ConcurrencyException.class, EventStoreException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException e, Locale locale) {
        if (DatabaseOutages.isOutage(e)) { // Axon's event store wraps whatever the append met
            return databaseUnavailable(e, locale);
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-write", locale));
    }

    /**
     * PostgreSQL down, restarting, out of connections or read-only: 503 with Retry-After, whatever
     * wrapped it on the way (a transaction that could not begin or commit, the event store, Axon's
     * command bus, Hibernate). HikariCP's connection-timeout (application.yml) bounds how long a request
     * waits for a connection, so the answer comes within seconds. Anything else stays unhandled here.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> databaseOutage(RuntimeException e, Locale locale) {
        if (!DatabaseOutages.isOutage(e)) {
            throw e;
        }
        return databaseUnavailable(e, locale);
    }

    private ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e, Locale locale) {
        log.warn("database unavailable, answered 503: {}", rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", locale));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + " <- " + root;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail projectExists(AggregateStreamCreationException e, Locale locale) {
        return withField(problem(HttpStatus.CONFLICT, "project-exists", locale), "projectId");
    }

    @ExceptionHandler(DuplicateProjectCode.class)
    ProblemDetail duplicateCode(DuplicateProjectCode e, Locale locale) {
        return withField(problem(HttpStatus.CONFLICT, "duplicate-code", locale, e.code()), "code");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e, Locale locale) {
        return withField(problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", locale),
                ProjectController.IDEMPOTENCY_KEY);
    }

    @ExceptionHandler(TooManyActions.class)
    ResponseEntity<ProblemDetail> tooManyActions(TooManyActions e, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(withField(problem(HttpStatus.CONTENT_TOO_LARGE, "too-many-actions", locale, e.limit()), "actions"));
    }

    @ExceptionHandler(InvalidFields.class)
    ProblemDetail invalidFields(InvalidFields invalid, Locale locale) {
        return invalid(invalid.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", text("field." + p.messageKey(), locale)))
                .toList(), locale);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidBody(ex.getBindingResult(), LocaleContextHolder.getLocale()));
    }

    /** A body whose fields break their constraints: 400 naming each (a batch's action is judged by this too). */
    ProblemDetail invalidBody(BindingResult result, Locale locale) {
        return invalid(result.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
                .toList(), locale);
    }

    /** Not JSON, or a value of the wrong type: 400, naming the field when the parser knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(malformed(ex.getCause(), LocaleContextHolder.getLocale()));
    }

    /** 400 malformed-request, naming the field when the parser's failure knows it (a batch's action too). */
    ProblemDetail malformed(Throwable cause, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", locale);
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
            withField(problem, field);
        }
        return problem;
    }

    /**
     * The answer the single endpoint gives when its write fails so: the handlers above, chosen as Spring
     * chooses them (the most specific type first). A batch answers each action's failure with it.
     * Anything else is rethrown.
     */
    ResponseEntity<ProblemDetail> answer(RuntimeException e, Locale locale) {
        ProblemDetail problem;
        if (e instanceof ProjectRuleViolation violation) {
            problem = ruleBroken(violation, locale);
        } else if (e instanceof AggregateNotFoundException || e instanceof UnknownProject
                || e instanceof UnregisteredProject) {
            problem = unknownProject(e, locale);
        } else if (e instanceof AggregateStreamCreationException creation) {
            problem = projectExists(creation, locale);
        } else if (e instanceof ConcurrencyException || e instanceof EventStoreException) {
            return concurrentWrite(e, locale);
        } else if (e instanceof DuplicateProjectCode duplicate) {
            problem = duplicateCode(duplicate, locale);
        } else if (e instanceof IdempotencyKeyReused reused) {
            problem = idempotencyKeyReused(reused, locale);
        } else if (e instanceof InvalidFields invalid) {
            problem = invalidFields(invalid, locale);
        } else {
            return databaseOutage(e, locale);
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * What the security chain answers a role that may not write there (service-kit's {@code ProblemSecurityHandlers}),
     * for a batch's action whose single endpoint the chain would refuse.
     */
    ResponseEntity<ProblemDetail> forbidden(Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "forbidden", locale));
    }

    /** A body that does not say it is JSON is as malformed as one that is not JSON. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                LocaleContextHolder.getLocale()));
    }

    /**
     * Spring reads a wildcard or unparsable Content-Type with an IllegalArgumentException; that is the
     * client's malformed request. Any other IllegalArgumentException is ours and stays a 500.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unusableContentType(IllegalArgumentException e, HttpServletRequest request, Locale locale) {
        if (usableContentType(request.getContentType())) {
            throw e;
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", locale);
    }

    private static boolean usableContentType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private ProblemDetail invalid(List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", locale);
        problem.setProperty("errors", errors);
        return problem;
    }

    private ProblemDetail withField(ProblemDetail problem, String field) {
        problem.setProperty("errors", List.of(Map.of("field", field, "message", problem.getDetail())));
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String code, Locale locale, Object... arguments) {
        return Problems.of(status, code, messages.getMessage("problem." + code, arguments, locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
