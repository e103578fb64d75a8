package io.groundbreak.kit.web;

import java.util.List;

/** Input that is well-formed but wrong, field by field; answered 400 by {@link InvalidInputAnswers}. */
public class InvalidInput extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super("invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
