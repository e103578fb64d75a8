package io.groundbreak.milestone.project.web;

import io.groundbreak.events.ProjectId;
import io.groundbreak.kit.text.TextRules;

public final class ProjectIds {

    private ProjectIds() {
    }

    /**
     * A path id that is not a UUID names no project: 404, not 400. One that holds text no field may
     * hold (U+0000, a control character, a lone surrogate) is a bad request, like such a body field.
     */
    public static ProjectId parse(String text) {
        if (!TextRules.isSingleLine(text)) {
            throw InvalidFields.of("projectId", "single-line");
        }
        try {
            return ProjectId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UnknownProject(text);
        }
    }
}
