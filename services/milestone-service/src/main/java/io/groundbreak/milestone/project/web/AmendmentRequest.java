package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.groundbreak.kit.text.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/projects/{id}/amendment}: the fields to change, at least one. {@code district}
 * is read only to refuse it: a project's district cannot be amended.
 */
record AmendmentRequest(
        @Schema(example = "动力电池及储能基地") @Size(max = 200) @Pattern(regexp = Patterns.TEXT) @SingleLine String name,
        @Schema(example = "new-energy") @SingleLine String chain,
        @Schema(example = "某某新能源集团有限公司") @Size(max = 200) @Pattern(regexp = Patterns.TEXT) @SingleLine String investor,
        @Schema(example = "1800000000.00") @Pattern(regexp = Patterns.AMOUNT) String plannedInvestmentCny,
        @Schema(example = "滨海高新区") @Size(max = 200) @Pattern(regexp = Patterns.TEXT) @SingleLine String park,
        @Schema(example = "投资方追加投资") @NotBlank @Size(max = 1000) @FreeText String reason,
        @Schema(hidden = true) @Null String district) {
}
