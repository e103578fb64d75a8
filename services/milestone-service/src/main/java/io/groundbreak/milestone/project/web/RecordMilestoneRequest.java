package io.groundbreak.milestone.project.web;

import io.groundbreak.events.Stage;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/projects/{id}/milestones}. */
record RecordMilestoneRequest(
        @NotNull Stage stage,
        @NotNull LocalDate effectiveDate,
        @Pattern(regexp = Patterns.AMOUNT, message = Patterns.AMOUNT_MESSAGE) String amountCny,
        @Size(max = 1000) String note) {
}
