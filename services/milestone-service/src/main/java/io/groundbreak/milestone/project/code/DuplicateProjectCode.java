package io.groundbreak.milestone.project.code;

public class DuplicateProjectCode extends RuntimeException {

    private final String code;

    public DuplicateProjectCode(String code) {
        super("project code " + code + " is taken");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
