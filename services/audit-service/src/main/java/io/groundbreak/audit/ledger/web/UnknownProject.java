package io.groundbreak.audit.ledger.web;

/** The ledger holds no event of this project (or the id is no project id at all). */
class UnknownProject extends RuntimeException {

    UnknownProject(String projectId) {
        super("no events of project " + projectId);
    }
}
