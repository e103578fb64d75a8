package io.groundbreak.funnel.web;

/** No project with this id is in the read model (yet). */
class UnknownProject extends RuntimeException {

    UnknownProject(String projectId) {
        super("no project " + projectId);
    }
}
