package io.groundbreak.kit.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 answers with a stable {@code type} per refusal, the same in every service. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:groundbreak:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        return problem;
    }

    /** 503 with Retry-After: the database does not answer or refuses writes (a client tries again, never a 500). */
    public static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "The database does not answer or refuses writes; try again shortly."));
    }

    /** 400 naming each offending field: {@code errors: [{field, message}]}. */
    public static ProblemDetail invalid(List<InvalidInput.FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Some fields are invalid.");
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }
}
