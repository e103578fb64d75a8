package io.groundbreak.milestone.project.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.groundbreak.events.PlannedDates;
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
        @Schema(hidden = true) @Null String district,
        // schema 1.1's fields: left out of the request's JSON when absent (the Idempotency-Key hash, as at registration)
        @Schema(description = "the stages whose planned date changes; the others keep theirs",
                example = "{\"landed\":\"2024-10-31\"}")
        @JsonInclude(JsonInclude.Include.NON_NULL) PlannedDates plannedDates,
        @Schema(example = "王芳", description = "责任人") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 100) @Pattern(regexp = Patterns.TEXT) @SingleLine String responsiblePerson,
        @Schema(example = "赵局长", description = "包联领导") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 100) @Pattern(regexp = Patterns.TEXT) @SingleLine String responsibleLeader,
        @Schema(example = "beijing-tianjin-hebei") @JsonInclude(JsonInclude.Include.NON_NULL) @SingleLine String source) {

    boolean changesNothing() {
        return name == null && chain == null && investor == null && plannedInvestmentCny == null && park == null
                && plannedDates == null && responsiblePerson == null && responsibleLeader == null && source == null;
    }
}
