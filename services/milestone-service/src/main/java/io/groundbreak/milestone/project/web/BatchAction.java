package io.groundbreak.milestone.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One action of a batch: the request its single endpoint takes (method, path, Idempotency-Key and body),
 * judged by that endpoint's own code and rules.
 */
record BatchAction(
        @Schema(example = "POST") @NotNull @Pattern(regexp = "POST") String method,
        @Schema(example = "/api/projects/0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90/milestones") @NotBlank String path,
        @Schema(example = "2024-03-signed-TJ-BH-2024-001") String idempotencyKey,
        @Schema(example = "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}") @NotNull JsonNode body) {
}
