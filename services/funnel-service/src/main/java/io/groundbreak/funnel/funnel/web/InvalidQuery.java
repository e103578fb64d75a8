package io.groundbreak.funnel.funnel.web;

import java.util.List;

/** Query parameters that cannot be read or name things the reference data does not know. */
class InvalidQuery extends RuntimeException {

    record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    InvalidQuery(List<FieldProblem> problems) {
        super("invalid query");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
