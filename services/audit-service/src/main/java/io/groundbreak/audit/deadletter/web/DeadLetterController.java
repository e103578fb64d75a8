package io.groundbreak.audit.deadletter.web;

import io.groundbreak.audit.ledger.ingest.DatabaseUnavailable;
import io.groundbreak.audit.ledger.ingest.DeadLetterClosed;
import io.groundbreak.audit.ledger.ingest.DeadLetterOperations;
import io.groundbreak.audit.ledger.ingest.DiscardAnswer;
import io.groundbreak.audit.ledger.ingest.ProjectReprocessAnswer;
import io.groundbreak.audit.ledger.ingest.ReprocessAnswer;
import io.groundbreak.audit.ledger.ingest.UnknownDeadLetter;
import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.kit.web.Problems;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead-letter operations (issue 16's contract, the same shapes as funnel-service's): the list and the log of
 * operations for ADMIN and AUDITOR, reprocess and discard for ADMIN (see config/SecurityConfig).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private static final int MAX_REASON = 1000;

    private final DeadLetterOperations operations;

    DeadLetterController(DeadLetterOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    DeadLetterList list(@RequestParam(required = false) String status) {
        String chosen = status == null || status.isBlank() ? "outstanding" : status.strip();
        if (!chosen.equals("outstanding") && !chosen.equals("all")) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("status", "must be outstanding or all")));
        }
        return new DeadLetterList(operations.list(chosen.equals("all")));
    }

    @GetMapping("/operations")
    OperationList operations() {
        return new OperationList(operations.operations());
    }

    @PostMapping("/{id}/reprocess")
    ReprocessAnswer reprocess(@PathVariable String id, Authentication user) {
        return operations.reprocess(id(id), user.getName());
    }

    @PostMapping("/projects/{projectId}/reprocess")
    ProjectReprocessAnswer reprocessProject(@PathVariable String projectId, Authentication user) {
        UUID project;
        try {
            project = UUID.fromString(projectId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("projectId", "must be a project id (UUID)")));
        }
        return operations.reprocessProject(project, user.getName());
    }

    @PostMapping("/{id}/discard")
    DiscardAnswer discard(@PathVariable String id, @RequestBody(required = false) DiscardRequest request,
                          Authentication user) {
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("reason", "is required: why is it discarded?")));
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("reason", "must be at most 1000 characters")));
        }
        if (!storable(reason)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("reason",
                    "must not contain U+0000 or other control characters but tab and line breaks, nor lone surrogates")));
        }
        return operations.discard(id(id), reason.strip(), user.getName());
    }

    /** Text PostgreSQL and the contract hold faithfully: no NUL, no C0 control but tab and line breaks, no lone surrogate. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** An id that is not a number names no dead letter: 404, like an unknown one. */
    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UnknownDeadLetter(-1);
        }
    }

    @ExceptionHandler(UnknownDeadLetter.class)
    ProblemDetail unknown(UnknownDeadLetter unknown) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-dead-letter", "No dead letter has this id.");
    }

    @ExceptionHandler(DeadLetterClosed.class)
    ProblemDetail closed(DeadLetterClosed closed) {
        return Problems.of(HttpStatus.CONFLICT, "dead-letter-closed", closed.getMessage());
    }

    @ExceptionHandler(DatabaseUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(DatabaseUnavailable unavailable) {
        return Problems.databaseUnavailable();
    }
}
