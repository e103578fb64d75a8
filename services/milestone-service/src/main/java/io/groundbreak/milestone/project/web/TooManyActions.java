package io.groundbreak.milestone.project.web;

/** A batch of more actions than one request may carry: answered 413, nothing written. */
class TooManyActions extends RuntimeException {

    private final int limit;

    TooManyActions(int actions, int limit) {
        super(actions + " actions in one batch, at most " + limit);
        this.limit = limit;
    }

    int limit() {
        return limit;
    }
}
