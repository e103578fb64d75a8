package io.groundbreak.milestone.plan.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/supervision/targets}: some cells of one year's targets and why they are set. */
record SetTargetsRequest(
        @Schema(example = "2025") @NotNull @Min(2000) @Max(2100) Integer year,
        @Schema(example = "2025年度计划分解") @NotBlank @Size(max = 1000) @FreeText String reason,
        @NotNull @Size(min = 1, max = SetTargetsRequest.MAX_CELLS) List<@NotNull @Valid TargetCellRequest> targets) {

    /** 16 districts × 11 chains is 176 cells; another city's reference data may have more. */
    static final int MAX_CELLS = 2000;
}
