package io.groundbreak.milestone.project.web;

import java.util.List;

/**
 * Well-formed input that is wrong, field by field; each problem names its field and the key of its
 * localised message ({@code field.<key>} in {@code i18n/messages}). Answered 400.
 */
class InvalidFields extends RuntimeException {

    record Problem(String field, String messageKey) {
    }

    private final List<Problem> problems;

    InvalidFields(List<Problem> problems) {
        super("invalid fields: " + problems);
        this.problems = List.copyOf(problems);
    }

    static InvalidFields of(String field, String messageKey) {
        return new InvalidFields(List.of(new Problem(field, messageKey)));
    }

    List<Problem> problems() {
        return problems;
    }
}
