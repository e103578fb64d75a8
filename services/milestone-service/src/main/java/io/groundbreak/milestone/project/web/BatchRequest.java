package io.groundbreak.milestone.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Body of {@code POST /api/batch}: actions in the order they are to be applied to each project;
 * {@code stopProjectOnFailure} (default false) leaves a project's later actions unattempted after one of its
 * actions was refused (after a 5xx or a lost race they are never attempted).
 */
record BatchRequest(
        @NotEmpty List<@NotNull @Valid BatchAction> actions,
        @Schema(example = "false") Boolean stopProjectOnFailure) {
}
