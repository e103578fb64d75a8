package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/projects/{id}/requests/{requestId}/approval}: the note is optional. */
record ApprovalRequest(@Schema(example = "已核对合同原件") @Pattern(regexp = Patterns.TEXT) @Size(max = 1000) @FreeText String note) {
}
