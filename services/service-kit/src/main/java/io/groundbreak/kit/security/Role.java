package io.groundbreak.kit.security;

/** The roles of docs/users-and-roles.md; a DISTRICT user is also bound to one district code. */
public enum Role {
    DISTRICT, LEADER, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
