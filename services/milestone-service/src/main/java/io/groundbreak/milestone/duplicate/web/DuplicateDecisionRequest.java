package io.groundbreak.milestone.duplicate.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/duplicates/{id}/decision}: {@code same} names the project that stays counted
 * ({@code primaryProjectId}, one of the pair); {@code different} names none.
 */
record DuplicateDecisionRequest(
        @Schema(allowableValues = {"same", "different"}) @NotNull @Pattern(regexp = "same|different") String decision,
        @Schema(example = "0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90") @Size(max = 36) String primaryProjectId,
        @Schema(example = "同一投资方同一项目，由滨海新区牵头统计") @NotBlank @Size(max = 1000) @FreeText String reason) {

    boolean same() {
        return "same".equals(decision);
    }
}
