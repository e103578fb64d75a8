package io.groundbreak.milestone.plan.web;

import io.groundbreak.events.ProjectId;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.milestone.idempotency.IdempotentWrites;
import io.groundbreak.milestone.idempotency.WriteRequest;
import io.groundbreak.milestone.project.command.Actor;
import io.groundbreak.milestone.project.command.Recorded;
import io.groundbreak.milestone.project.web.IdempotencyKeyHeader;
import io.groundbreak.milestone.project.web.InvalidFields;
import io.groundbreak.milestone.plan.command.SetTargets;
import io.groundbreak.reference.ReferenceData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city sets the plan's targets by year, district and chain (ADMIN only: config/SecurityConfig). */
@RestController
@RequestMapping(path = "/api/supervision/targets", produces = MediaType.APPLICATION_JSON_VALUE)
class TargetController {

    private final CommandGateway commands;
    private final ReferenceData referenceData;
    private final IdempotentWrites writes;

    TargetController(CommandGateway commands, ReferenceData referenceData, IdempotentWrites writes) {
        this.commands = commands;
        this.referenceData = referenceData;
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<TargetsSetAnswer> set(@Valid @RequestBody SetTargetsRequest body,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        List<TargetCell> cells = cells(body.targets());
        IdempotencyKeyHeader.check(key);
        CurrentUser user = CurrentUser.of(authentication);
        Actor actor = new Actor(user.name(), user.district());
        ProjectId planId = TargetsSet.planOf(body.year());
        return writes.run(new WriteRequest(user.name(), key, http.getRequestURI(), body), TargetsSetAnswer.class, () -> {
            Recorded recorded = commands.sendAndWait(new SetTargets(planId, body.year(), cells, body.reason().strip(), actor));
            return ResponseEntity.status(201).body(new TargetsSetAnswer(recorded.eventId(), planId.toString(),
                    body.year(), recorded.sequence(), cells.size()));
        });
    }

    /** The cells as the event carries them, after the checks a schema cannot make: reference codes, each cell once. */
    private List<TargetCell> cells(List<TargetCellRequest> requested) {
        List<InvalidFields.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<TargetCell> cells = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            TargetCellRequest cell = requested.get(i);
            String at = "targets[" + i + "].";
            if (!referenceData.isDistrict(cell.district())) {
                problems.add(new InvalidFields.Problem(at + "district", "district"));
            }
            if (!referenceData.isChain(cell.chain())) {
                problems.add(new InvalidFields.Problem(at + "chain", "chain"));
            }
            if (!seen.add(cell.district() + "/" + cell.chain())) {
                problems.add(new InvalidFields.Problem(at + "chain", "target-cell-repeated"));
            }
            cells.add(new TargetCell(cell.district(), cell.chain(), cell.signed(), cell.landed(), cell.started(),
                    cell.producing(), amount(cell.plannedInvestmentCny()), amount(cell.completedInvestmentCny())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        return cells;
    }

    /** Amounts are kept with exactly two decimals, so equal amounts hash equally (as a project's are). */
    private static BigDecimal amount(String text) {
        return text == null ? null : new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }
}
