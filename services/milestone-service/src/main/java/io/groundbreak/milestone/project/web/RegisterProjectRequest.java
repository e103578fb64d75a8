package io.groundbreak.milestone.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/projects}: ProjectRegistered's fields; projectId optional. */
record RegisterProjectRequest(
        @Pattern(regexp = Patterns.UUID, message = "must be a UUID") String projectId,
        @NotBlank @Size(max = 64) String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String district,
        @NotBlank String chain,
        @NotBlank @Size(max = 200) String investor,
        @NotBlank @Pattern(regexp = Patterns.AMOUNT, message = Patterns.AMOUNT_MESSAGE) String plannedInvestmentCny,
        @Size(max = 200) String park) {
}
