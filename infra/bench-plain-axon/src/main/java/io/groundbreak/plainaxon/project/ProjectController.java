package io.groundbreak.plainaxon.project;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same two requests as milestone-service's (docs/api.md), with its JSON bodies and 201 answers, so that the
 * bench's district clients and wrk script drive both alike.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    record RegisterRequest(String code, String name, String district, String chain, String investor,
                           BigDecimal plannedInvestmentCny) {
    }

    record MilestoneRequest(Stage stage, LocalDate effectiveDate, BigDecimal amountCny) {
    }

    private final CommandGateway commands;

    ProjectController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@RequestBody RegisterRequest body) {
        String projectId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterProject(projectId, body.code(), body.name(), body.district(), body.chain(),
                body.investor(), body.plannedInvestmentCny()));
        return ResponseEntity.created(URI.create("/api/projects/" + projectId)).body(Map.of("projectId", projectId));
    }

    @PostMapping("/{projectId}/milestones")
    ResponseEntity<Map<String, Object>> recordMilestone(@PathVariable String projectId,
                                                        @RequestBody MilestoneRequest body) {
        commands.sendAndWait(new RecordMilestone(projectId, body.stage(), body.effectiveDate(), body.amountCny()));
        return ResponseEntity.created(URI.create("/api/projects/" + projectId + "/milestones/" + body.stage()))
                .body(Map.of("projectId", projectId, "stage", body.stage()));
    }

    /** A broken rule is the client's conflict (Axon may hand the handler's exception back wrapped). */
    @ExceptionHandler({StageOutOfOrder.class, CommandExecutionException.class})
    ResponseEntity<Map<String, Object>> refused(RuntimeException e) {
        return ResponseEntity.status(409).body(Map.of("detail", String.valueOf(e.getMessage())));
    }
}
