package io.groundbreak.milestone.project.command;

/** A command broke one of the rules of DESIGN.md; {@link #code()} is stable for clients. */
public abstract class ProjectRuleViolation extends RuntimeException {

    /** How the rule is broken, which decides the HTTP status. */
    public enum Kind { ORDER, DATE, DISTRICT }

    private final String code;
    private final Kind kind;

    protected ProjectRuleViolation(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
