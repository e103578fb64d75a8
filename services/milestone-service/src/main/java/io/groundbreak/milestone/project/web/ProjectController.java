package io.groundbreak.milestone.project.web;

import io.groundbreak.events.ProjectId;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.milestone.project.command.Actor;
import io.groundbreak.milestone.project.command.RecordMilestone;
import io.groundbreak.milestone.project.command.Recorded;
import io.groundbreak.milestone.project.command.RegisterProject;
import io.groundbreak.reference.ReferenceData;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final CommandGateway commands;
    private final ReferenceData referenceData;

    ProjectController(CommandGateway commands, ReferenceData referenceData) {
        this.commands = commands;
        this.referenceData = referenceData;
    }

    @PostMapping
    ResponseEntity<ProjectRegisteredAnswer> register(@Valid @RequestBody RegisterProjectRequest body,
                                                     Authentication authentication) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (!referenceData.isDistrict(body.district())) {
            problems.add(new InvalidInput.FieldProblem("district", "is not a district code of the reference data"));
        }
        if (!referenceData.isChain(body.chain())) {
            problems.add(new InvalidInput.FieldProblem("chain", "is not a chain code of the reference data"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ProjectId projectId = body.projectId() == null ? ProjectId.random() : new ProjectId(UUID.fromString(body.projectId()));
        Recorded recorded = commands.sendAndWait(new RegisterProject(projectId, body.code().strip(), body.name().strip(),
                body.district(), body.chain(), body.investor().strip(), amount(body.plannedInvestmentCny()),
                body.park(), actor(authentication)));
        return ResponseEntity.created(URI.create("/api/projects/" + projectId))
                .body(new ProjectRegisteredAnswer(projectId.toString(), recorded.sequence(), recorded.eventId()));
    }

    @PostMapping("/{projectId}/milestones")
    ResponseEntity<MilestoneRecordedAnswer> recordMilestone(@PathVariable String projectId,
                                                            @Valid @RequestBody RecordMilestoneRequest body,
                                                            Authentication authentication) {
        ProjectId id = ProjectIds.parse(projectId);
        Recorded recorded = commands.sendAndWait(new RecordMilestone(id, body.stage(), body.effectiveDate(),
                body.amountCny() == null ? null : amount(body.amountCny()), body.note(), actor(authentication)));
        return ResponseEntity.created(URI.create("/api/projects/" + id + "/milestones/" + body.stage()))
                .body(new MilestoneRecordedAnswer(recorded.eventId(), recorded.sequence(), body.stage()));
    }

    /** Amounts are kept with exactly two decimals, so equal amounts hash equally. */
    private static BigDecimal amount(String text) {
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Actor actor(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new Actor(user.name(), user.district());
    }
}
