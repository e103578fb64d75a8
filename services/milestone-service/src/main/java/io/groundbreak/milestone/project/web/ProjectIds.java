package io.groundbreak.milestone.project.web;

import io.groundbreak.events.ProjectId;

final class ProjectIds {

    private ProjectIds() {
    }

    /** A path id that is not a UUID names no project: 404, not 400. */
    static ProjectId parse(String text) {
        try {
            return ProjectId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UnknownProject(text);
        }
    }
}
