package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/projects/{id}/milestones/{stage}/correction}. */
record CorrectMilestoneRequest(
        @Schema(example = "2024-03-05") @NotNull LocalDate effectiveDate,
        @Schema(example = "1600000000.00") @Pattern(regexp = Patterns.AMOUNT) String amountCny,
        @Schema(example = "合同签署日期录入有误") @NotBlank @Size(max = 1000) @FreeText String reason) {
}
