package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/projects/{id}/requests/{requestId}/withdrawal}: the reason is optional. */
record WithdrawalRequest(@Schema(example = "录入有误，撤回申请") @Pattern(regexp = Patterns.TEXT) @Size(max = 1000) @FreeText String reason) {
}
