package io.groundbreak.milestone.project.web;

import io.groundbreak.events.Stage;
import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/projects/{id}/milestones}. */
record RecordMilestoneRequest(
        @Schema(example = "SIGNED") @NotNull Stage stage,
        @Schema(example = "2024-03-01") @NotNull LocalDate effectiveDate,
        @Schema(example = "1500000000.00") @Pattern(regexp = Patterns.AMOUNT) String amountCny,
        @Schema(example = "签约仪式在滨海新区举行") @Size(max = 1000) @Pattern(regexp = Patterns.TEXT) @FreeText String note) {
}
