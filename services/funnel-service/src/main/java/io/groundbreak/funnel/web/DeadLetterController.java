package io.groundbreak.funnel.web;

import io.groundbreak.kit.deadletter.DeadLetter;
import io.groundbreak.funnel.deadletter.DeadLetterOperation;
import io.groundbreak.funnel.deadletter.DeadLetterOperations;
import io.groundbreak.funnel.deadletter.ProjectReprocessResult;
import io.groundbreak.funnel.deadletter.ReprocessResult;
import io.groundbreak.kit.web.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records the consumer parked, for operators (issue 16's contract): ADMIN and AUDITOR read them and the
 * operations done on them; ADMIN reprocesses or discards them.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private static final int MAX_REASON = 1000;

    private final DeadLetterOperations deadLetters;

    DeadLetterController(DeadLetterOperations deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Map<String, List<DeadLetter>> list(@RequestParam(required = false) String status) {
        String chosen = status == null || status.isBlank() ? "outstanding" : status.strip();
        if (!chosen.equals("outstanding") && !chosen.equals("all")) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("status", "must be outstanding or all")));
        }
        return Map.of("deadLetters", deadLetters.list(chosen.equals("outstanding")));
    }

    @GetMapping("/operations")
    Map<String, List<DeadLetterOperation>> operations() {
        return Map.of("operations", deadLetters.operations());
    }

    @PostMapping("/{id}/reprocess")
    ReprocessResult reprocess(@PathVariable long id, Authentication user) {
        return deadLetters.reprocess(id, user.getName());
    }

    @PostMapping("/projects/{projectId}/reprocess")
    ProjectReprocessResult reprocessProject(@PathVariable UUID projectId, Authentication user) {
        return deadLetters.reprocessProject(projectId, user.getName());
    }

    @PostMapping("/{id}/discard")
    Map<String, Object> discard(@PathVariable long id, @RequestBody(required = false) DiscardRequest request,
                                Authentication user) {
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("reason", "is required")));
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("reason", "must be at most " + MAX_REASON
                    + " characters")));
        }
        DeadLetter discarded = deadLetters.discard(id, user.getName(), reason.strip());
        return Map.of("id", discarded.id(), "status", discarded.status());
    }
}
