package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/projects/{id}/milestones/{stage}/retraction}. */
record RetractMilestoneRequest(@Schema(example = "误报：项目尚未落地") @NotBlank @Size(max = 1000) @FreeText String reason) {
}
