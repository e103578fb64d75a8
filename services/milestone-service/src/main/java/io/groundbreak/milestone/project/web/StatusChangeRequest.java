package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/projects/{id}/suspension}, {@code /resumption} and {@code /termination}. */
record StatusChangeRequest(
        @Schema(example = "2024-06-01") @NotNull LocalDate effectiveDate,
        @Schema(example = "投资方资金未到位") @NotBlank @Size(max = 1000) @FreeText String reason) {
}
