package io.groundbreak.milestone.project.web;

class UnknownProject extends RuntimeException {

    UnknownProject(String projectId) {
        super("no project " + projectId);
    }
}
