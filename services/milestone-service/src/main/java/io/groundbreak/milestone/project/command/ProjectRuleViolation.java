package io.groundbreak.milestone.project.command;

import java.util.List;

/**
 * A command broke one of the rules of docs/rules.md; {@link #code()} is stable for clients and keys the
 * localised text, {@link #arguments()} fill it in.
 */
public abstract class ProjectRuleViolation extends RuntimeException {

    /**
     * How the rule is broken, which decides the HTTP status: the project's state (409), a date (422), the actor's
     * district (403), who the actor is for a change request (403), a change request the project does not know (404).
     */
    public enum Kind { ORDER, DATE, DISTRICT, PERSON, UNKNOWN }

    private final String code;
    private final Kind kind;
    private final List<Object> arguments;

    protected ProjectRuleViolation(String code, Kind kind, String message, Object... arguments) {
        super(message);
        this.code = code;
        this.kind = kind;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The request field the rule is about, or null when it is about the project's state as a whole. */
    public String field() {
        return null;
    }
}
