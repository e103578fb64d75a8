package io.groundbreak.milestone.project.web;

import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.Stage;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.text.TextRules;
import io.groundbreak.milestone.idempotency.IdempotentWrites;
import io.groundbreak.milestone.idempotency.WriteRequest;
import io.groundbreak.milestone.project.code.ProjectCodes;
import io.groundbreak.milestone.project.command.Actor;
import io.groundbreak.milestone.project.command.AmendProjectDetails;
import io.groundbreak.milestone.project.command.ApproveChange;
import io.groundbreak.milestone.project.command.CorrectMilestone;
import io.groundbreak.milestone.project.command.RecordMilestone;
import io.groundbreak.milestone.project.command.Recorded;
import io.groundbreak.milestone.project.command.RegisterProject;
import io.groundbreak.milestone.project.command.RejectChange;
import io.groundbreak.milestone.project.command.ReportInvestment;
import io.groundbreak.milestone.project.command.ResumeProject;
import io.groundbreak.milestone.project.command.RetractMilestone;
import io.groundbreak.milestone.project.command.SuspendProject;
import io.groundbreak.milestone.project.command.TerminateProject;
import io.groundbreak.milestone.project.command.UnknownChangeRequest;
import io.groundbreak.milestone.project.command.WithdrawChange;
import io.groundbreak.reference.ReferenceData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
 * Every write of a district office (docs/api.md), and the decisions on its change requests (four eyes); the rules
 * themselves are the aggregate's.
 */
@RestController
// produces: an Accept header that JSON cannot satisfy is refused before the write, not after it
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.NAME;

    private final CommandGateway commands;
    private final ReferenceData referenceData;
    private final ProjectCodes codes;
    private final IdempotentWrites writes;

    ProjectController(CommandGateway commands, ReferenceData referenceData, ProjectCodes codes, IdempotentWrites writes) {
        this.commands = commands;
        this.referenceData = referenceData;
        this.codes = codes;
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<ProjectRegisteredAnswer> register(@Valid @RequestBody RegisterProjectRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        List<InvalidFields.Problem> problems = new ArrayList<>();
        if (!referenceData.isDistrict(body.district())) {
            problems.add(new InvalidFields.Problem("district", "district"));
        }
        if (!referenceData.isChain(body.chain())) {
            problems.add(new InvalidFields.Problem("chain", "chain"));
        }
        checkSupervision(body.plannedDates(), body.source(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        ProjectId projectId = body.projectId() == null ? ProjectId.random()
                : new ProjectId(UUID.fromString(body.projectId().toLowerCase(Locale.ROOT)));
        String code = body.code().strip();
        Actor actor = actor(authentication);
        return write(authentication, key, http, body, ProjectRegisteredAnswer.class, () -> {
            codes.claim(code, projectId);
            Recorded recorded = commands.sendAndWait(new RegisterProject(projectId, code, body.name().strip(),
                    body.district(), body.chain(), body.investor().strip(), amount(body.plannedInvestmentCny()),
                    strip(body.park()), body.plannedDates(), strip(body.responsiblePerson()),
                    strip(body.responsibleLeader()), body.source(), actor));
            return ResponseEntity.created(URI.create("/api/projects/" + projectId))
                    .body(new ProjectRegisteredAnswer(projectId.toString(), recorded.sequence(), recorded.eventId()));
        });
    }

    @PostMapping("/{projectId}/milestones")
    ResponseEntity<MilestoneRecordedAnswer> recordMilestone(@PathVariable String projectId,
            @Valid @RequestBody RecordMilestoneRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        ProjectId id = ProjectIds.parse(projectId);
        Actor actor = actor(authentication);
        return write(authentication, key, http, body, MilestoneRecordedAnswer.class, () -> {
            Recorded recorded = commands.sendAndWait(new RecordMilestone(id, body.stage(), body.effectiveDate(),
                    amountOrNull(body.amountCny()), strip(body.note()), actor));
            return ResponseEntity.created(URI.create("/api/projects/" + id + "/milestones/" + body.stage()))
                    .body(new MilestoneRecordedAnswer(recorded.eventId(), recorded.sequence(), body.stage()));
        });
    }

    @PostMapping("/{projectId}/milestones/{stage}/correction")
    ResponseEntity<EventRecordedAnswer> correctMilestone(@PathVariable String projectId, @PathVariable String stage,
            @Valid @RequestBody CorrectMilestoneRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        Stage corrected = stage(stage);
        return event(projectId, authentication, key, http, body, (id, actor) -> new CorrectMilestone(id, corrected,
                body.effectiveDate(), amountOrNull(body.amountCny()), body.reason().strip(), actor));
    }

    @PostMapping("/{projectId}/milestones/{stage}/retraction")
    ResponseEntity<EventRecordedAnswer> retractMilestone(@PathVariable String projectId, @PathVariable String stage,
            @Valid @RequestBody RetractMilestoneRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        Stage retracted = stage(stage);
        return event(projectId, authentication, key, http, body,
                (id, actor) -> new RetractMilestone(id, retracted, body.reason().strip(), actor));
    }

    // Each endpoint repeats its signature on purpose (Spring binds each mapping's parameters); the steps are in event().
    @PostMapping("/{projectId}/suspension")
    ResponseEntity<EventRecordedAnswer> suspend(@PathVariable String projectId,
            @Valid @RequestBody StatusChangeRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        return statusChange(projectId, body, key, authentication, http, SuspendProject::new);
    }

    @PostMapping("/{projectId}/resumption")
    ResponseEntity<EventRecordedAnswer> resume(@PathVariable String projectId,
            @Valid @RequestBody StatusChangeRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        return statusChange(projectId, body, key, authentication, http, ResumeProject::new);
    }

    @PostMapping("/{projectId}/termination")
    ResponseEntity<EventRecordedAnswer> terminate(@PathVariable String projectId,
            @Valid @RequestBody StatusChangeRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        return statusChange(projectId, body, key, authentication, http, TerminateProject::new);
    }

    @PostMapping("/{projectId}/investment-reports")
    ResponseEntity<EventRecordedAnswer> reportInvestment(@PathVariable String projectId,
            @Valid @RequestBody InvestmentReportRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        return event(projectId, authentication, key, http, body,
                (id, actor) -> new ReportInvestment(id, body.period(), amount(body.cumulativeCompletedCny()), actor));
    }

    @PostMapping("/{projectId}/amendment")
    ResponseEntity<EventRecordedAnswer> amend(@PathVariable String projectId,
            @Valid @RequestBody AmendmentRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        List<InvalidFields.Problem> problems = new ArrayList<>();
        if (body.chain() != null && !referenceData.isChain(body.chain())) {
            problems.add(new InvalidFields.Problem("chain", "chain"));
        }
        checkSupervision(body.plannedDates(), body.source(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        if (body.changesNothing()) {
            throw InvalidFields.of("name", "amendment-empty");
        }
        return event(projectId, authentication, key, http, body, (id, actor) -> new AmendProjectDetails(id,
                strip(body.name()), body.chain(), strip(body.investor()), amountOrNull(body.plannedInvestmentCny()),
                strip(body.park()), body.plannedDates(), strip(body.responsiblePerson()),
                strip(body.responsibleLeader()), body.source(), body.reason().strip(), actor));
    }

    /** Four eyes: the district's reviewer (or an admin) applies a pending change; 201 with the applied change's event. */
    @PostMapping("/{projectId}/requests/{requestId}/approval")
    ResponseEntity<EventRecordedAnswer> approve(@PathVariable String projectId, @PathVariable String requestId,
            @Valid @RequestBody ApprovalRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        ChangeRequestId request = requestId(requestId);
        return event(projectId, authentication, key, http, body,
                (id, actor) -> new ApproveChange(id, request, strip(body.note()), actor));
    }

    @PostMapping("/{projectId}/requests/{requestId}/rejection")
    ResponseEntity<EventRecordedAnswer> reject(@PathVariable String projectId, @PathVariable String requestId,
            @Valid @RequestBody RejectionRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        ChangeRequestId request = requestId(requestId);
        return event(projectId, authentication, key, http, body,
                (id, actor) -> new RejectChange(id, request, body.reason().strip(), actor));
    }

    @PostMapping("/{projectId}/requests/{requestId}/withdrawal")
    ResponseEntity<EventRecordedAnswer> withdraw(@PathVariable String projectId, @PathVariable String requestId,
            @Valid @RequestBody WithdrawalRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication, HttpServletRequest http) {
        ChangeRequestId request = requestId(requestId);
        return event(projectId, authentication, key, http, body,
                (id, actor) -> new WithdrawChange(id, request, strip(body.reason()), actor));
    }

    /** Schema 1.1's fields the reference data judges: plannedDates names a stage at least, source is a known code. */
    private void checkSupervision(PlannedDates plannedDates, String source, List<InvalidFields.Problem> problems) {
        if (plannedDates != null && plannedDates.byStage().isEmpty()) {
            problems.add(new InvalidFields.Problem("plannedDates", "planned-dates-empty"));
        }
        if (source != null && !referenceData.isSource(source)) {
            problems.add(new InvalidFields.Problem("source", "source"));
        }
    }

    /** The command of a suspension, resumption or termination: they take the same fields. */
    private interface StatusCommand {
        Object of(ProjectId projectId, LocalDate effectiveDate, String reason, Actor actor);
    }

    private ResponseEntity<EventRecordedAnswer> statusChange(String projectId, StatusChangeRequest body, String key,
            Authentication authentication, HttpServletRequest http, StatusCommand command) {
        return event(projectId, authentication, key, http, body,
                (id, actor) -> command.of(id, body.effectiveDate(), body.reason().strip(), actor));
    }

    private ResponseEntity<EventRecordedAnswer> event(String projectId, Authentication authentication, String key,
            HttpServletRequest http, Object body, BiFunction<ProjectId, Actor, Object> command) {
        ProjectId id = ProjectIds.parse(projectId);
        Actor actor = actor(authentication);
        return write(authentication, key, http, body, EventRecordedAnswer.class, () -> {
            Recorded recorded = commands.sendAndWait(command.apply(id, actor));
            if (recorded.pending()) {
                // above the review bounds: only the request is recorded, the change awaits a second person
                return ResponseEntity.accepted().location(URI.create("/api/projects/" + id + "/requests/"
                        + recorded.requestId())).body(EventRecordedAnswer.of(recorded));
            }
            return ResponseEntity.status(201).body(EventRecordedAnswer.of(recorded));
        });
    }

    private <T> ResponseEntity<T> write(Authentication authentication, String key, HttpServletRequest http,
            Object body, Class<T> answerType, Supplier<ResponseEntity<T>> write) {
        IdempotencyKeyHeader.check(key);
        return writes.run(new WriteRequest(authentication.getName(), key, http.getRequestURI(), body), answerType, write);
    }

    /** A stage in the path that is not one of the five is a bad request, named like a field. */
    private static Stage stage(String text) {
        if (!TextRules.isSingleLine(text)) {
            throw InvalidFields.of("stage", "single-line");
        }
        try {
            return Stage.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidFields.of("stage", "stage");
        }
    }

    /** A request id in the path that is not a UUID names no request: 404, like a project id. */
    private static ChangeRequestId requestId(String text) {
        if (!TextRules.isSingleLine(text)) {
            throw InvalidFields.of("requestId", "single-line");
        }
        try {
            return ChangeRequestId.parse(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnknownChangeRequest(text);
        }
    }

    /** Amounts are kept with exactly two decimals, so equal amounts hash equally. */
    private static BigDecimal amount(String text) {
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal amountOrNull(String text) {
        return text == null ? null : amount(text);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static Actor actor(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new Actor(user.name(), user.district(), user.isReviewer());
    }
}
