package io.groundbreak.milestone.project.code;

import io.groundbreak.events.ProjectId;

/** An id that no registration claimed a code for: it names no project (answered 404). */
public class UnregisteredProject extends RuntimeException {

    public UnregisteredProject(ProjectId projectId) {
        super("no project " + projectId);
    }
}
