package io.groundbreak.milestone.project.web;

import java.util.List;

/** A body that is well-formed JSON but names things that do not exist (districts, chains). */
class InvalidRequest extends RuntimeException {

    record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    InvalidRequest(List<FieldProblem> problems) {
        super("invalid request");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
