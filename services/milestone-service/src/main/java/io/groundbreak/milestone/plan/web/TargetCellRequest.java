package io.groundbreak.milestone.plan.web;

import io.groundbreak.milestone.project.web.Patterns;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** One cell of {@code POST /api/supervision/targets}: a district's target for one chain, each measure optional. */
record TargetCellRequest(
        @Schema(example = "120116") @NotBlank String district,
        @Schema(example = "new-energy") @NotBlank String chain,
        @Schema(example = "3") @Min(0) @Max(TargetCellRequest.MAX_COUNT) Integer signed,
        @Schema(example = "2") @Min(0) @Max(TargetCellRequest.MAX_COUNT) Integer landed,
        @Schema(example = "2") @Min(0) @Max(TargetCellRequest.MAX_COUNT) Integer started,
        @Schema(example = "1") @Min(0) @Max(TargetCellRequest.MAX_COUNT) Integer producing,
        @Schema(example = "12000000000.00") @Pattern(regexp = Patterns.AMOUNT) String plannedInvestmentCny,
        @Schema(example = "3000000000.00") @Pattern(regexp = Patterns.AMOUNT) String completedInvestmentCny) {

    /** The schema's bound on a count of projects. */
    static final int MAX_COUNT = 1_000_000;
}
