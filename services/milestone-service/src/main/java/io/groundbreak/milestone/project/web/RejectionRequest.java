package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/projects/{id}/requests/{requestId}/rejection}: a rejection says why. */
record RejectionRequest(@Schema(example = "与合同原件不符") @NotBlank @Size(max = 1000) @FreeText String reason) {
}
