package io.groundbreak.milestone.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.YearMonth;

/** Body of {@code POST /api/projects/{id}/investment-reports}. */
record InvestmentReportRequest(
        @Schema(example = "2024-05", type = "string", pattern = "^[0-9]{4}-[0-9]{2}$") @NotNull YearMonth period,
        @Schema(example = "320000000.00") @NotBlank @Pattern(regexp = Patterns.AMOUNT) String cumulativeCompletedCny) {
}
