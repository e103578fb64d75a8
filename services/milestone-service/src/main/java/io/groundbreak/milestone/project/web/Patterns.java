package io.groundbreak.milestone.project.web;

public final class Patterns {

    static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    /** CNY yuan as a decimal string, non-negative, at most two decimals (docs/events.md). */
    public static final String AMOUNT = "^(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$";
    /** An optional text, when given, holds at least one non-white-space character (schemas/README.md). */
    static final String TEXT = "(?s).*\\S.*";

    private Patterns() {
    }
}
