package io.groundbreak.milestone.project.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.kit.text.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/projects}: ProjectRegistered's fields; projectId and those of schema 1.1 optional. */
record RegisterProjectRequest(
        @Schema(example = "0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90", description = "chosen by the client to make creation idempotent")
        @Pattern(regexp = Patterns.UUID) String projectId,
        @Schema(example = "TJ-BH-2024-001") @NotBlank @Size(max = 64) @SingleLine String code,
        @Schema(example = "动力电池基地") @NotBlank @Size(max = 200) @SingleLine String name,
        @Schema(example = "120116") @NotBlank @SingleLine String district,
        @Schema(example = "new-energy") @NotBlank @SingleLine String chain,
        @Schema(example = "某某新能源集团") @NotBlank @Size(max = 200) @SingleLine String investor,
        @Schema(example = "1500000000.00") @NotBlank @Pattern(regexp = Patterns.AMOUNT) String plannedInvestmentCny,
        @Schema(example = "滨海新区临港经济区") @Size(max = 200) @Pattern(regexp = Patterns.TEXT) @SingleLine String park,
        // the fields of schema 1.1 are left out of the request's JSON when absent, so that the Idempotency-Key hash of
        // a request without them is the one it had before they existed
        @Schema(description = "planned dates of the stages ahead, in stage order, at least one",
                example = "{\"signed\":\"2024-06-30\",\"landed\":\"2024-09-30\",\"started\":\"2024-12-31\",\"producing\":\"2026-06-30\"}")
        @JsonInclude(JsonInclude.Include.NON_NULL) PlannedDates plannedDates,
        @Schema(example = "张伟", description = "责任人") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 100) @Pattern(regexp = Patterns.TEXT) @SingleLine String responsiblePerson,
        @Schema(example = "李明（副区长）", description = "包联领导") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 100) @Pattern(regexp = Patterns.TEXT) @SingleLine String responsibleLeader,
        @Schema(example = "world-intelligence-expo", description = "a code of the reference data's sources.csv")
        @JsonInclude(JsonInclude.Include.NON_NULL) @SingleLine String source) {
}
