package io.groundbreak.milestone.duplicate.web;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.ProjectId;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.milestone.duplicate.command.DecideDuplicate;
import io.groundbreak.milestone.idempotency.IdempotentWrites;
import io.groundbreak.milestone.idempotency.WriteRequest;
import io.groundbreak.milestone.project.code.ProjectCodes;
import io.groundbreak.milestone.project.command.Actor;
import io.groundbreak.milestone.project.command.Recorded;
import io.groundbreak.milestone.project.web.IdempotencyKeyHeader;
import io.groundbreak.milestone.project.web.InvalidFields;
import io.groundbreak.milestone.project.web.ProjectIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's coordination office decides whether two projects are one investment (ADMIN only: config/SecurityConfig).
 * A pair is named {@code {projectId}~{projectId}}, in either order, as funnel-service lists candidates.
 */
@RestController
@RequestMapping(path = "/api/duplicates", produces = MediaType.APPLICATION_JSON_VALUE)
class DuplicateDecisionController {

    private static final String PAIR_SEPARATOR = "~";

    private final CommandGateway commands;
    private final ProjectCodes projects;
    private final IdempotentWrites writes;

    DuplicateDecisionController(CommandGateway commands, ProjectCodes projects, IdempotentWrites writes) {
        this.commands = commands;
        this.projects = projects;
        this.writes = writes;
    }

    @PostMapping("/{pair}/decision")
    ResponseEntity<DuplicateDecidedAnswer> decide(@PathVariable String pair,
            @Valid @RequestBody DuplicateDecisionRequest body,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        String[] ids = pair.split(PAIR_SEPARATOR, -1);
        if (ids.length != 2) {
            throw InvalidFields.of("id", "duplicate-pair");
        }
        ProjectId one = ProjectIds.parse(ids[0].toLowerCase(Locale.ROOT));
        ProjectId other = ProjectIds.parse(ids[1].toLowerCase(Locale.ROOT));
        if (one.equals(other)) {
            throw InvalidFields.of("id", "duplicate-pair");
        }
        ProjectId first = DuplicateDecided.first(one, other);
        ProjectId second = first.equals(one) ? other : one;
        ProjectId primary = primary(body, first, second);
        projects.requireRegistered(first);
        projects.requireRegistered(second);
        IdempotencyKeyHeader.check(key);
        CurrentUser user = CurrentUser.of(authentication);
        Actor actor = new Actor(user.name(), user.district());
        ProjectId pairId = DuplicateDecided.pairOf(first, second);
        return writes.run(new WriteRequest(user.name(), key, http.getRequestURI(), body), DuplicateDecidedAnswer.class,
                () -> {
                    Recorded recorded = commands.sendAndWait(new DecideDuplicate(pairId, first, second, body.same(),
                            primary, body.reason().strip(), actor));
                    return ResponseEntity.created(URI.create("/api/duplicates/" + first + PAIR_SEPARATOR + second))
                            .body(new DuplicateDecidedAnswer(pairId.toString(), recorded.eventId(), recorded.sequence()));
                });
    }

    /** {@code same} names one of the pair as primary; {@code different} names none. */
    private static ProjectId primary(DuplicateDecisionRequest body, ProjectId first, ProjectId second) {
        String text = body.primaryProjectId();
        if (!body.same()) {
            if (text != null) {
                throw InvalidFields.of("primaryProjectId", "primary-only-when-same");
            }
            return null;
        }
        if (text == null) {
            throw InvalidFields.of("primaryProjectId", "primary-of-the-pair");
        }
        String id = text.toLowerCase(Locale.ROOT);
        if (!id.equals(first.toString()) && !id.equals(second.toString())) {
            throw InvalidFields.of("primaryProjectId", "primary-of-the-pair");
        }
        return ProjectId.parse(id);
    }
}
