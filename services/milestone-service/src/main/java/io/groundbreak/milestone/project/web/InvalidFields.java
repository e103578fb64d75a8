package io.groundbreak.milestone.project.web;

import java.util.List;

/**
 * Well-formed input that is wrong, field by field; each problem names its field and the key of its
 * localised message ({@code field.<key>} in {@code i18n/messages}). Answered 400.
 */
public class InvalidFields extends RuntimeException {

    public record Problem(String field, String messageKey) {
    }

    private final List<Problem> problems;

    public InvalidFields(List<Problem> problems) {
        super("invalid fields: " + problems);
        this.problems = List.copyOf(problems);
    }

    public static InvalidFields of(String field, String messageKey) {
        return new InvalidFields(List.of(new Problem(field, messageKey)));
    }

    List<Problem> problems() {
        return problems;
    }
}
