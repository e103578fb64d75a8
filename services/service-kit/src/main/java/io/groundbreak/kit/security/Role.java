package io.groundbreak.kit.security;

/**
 * The roles of docs/users-and-roles.md. A DISTRICT user and a REVIEWER (the second pair of eyes of a district office,
 * schema 1.3) are each bound to one district code.
 */
public enum Role {
    DISTRICT, REVIEWER, LEADER, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The roles of a district office's people, who see and act on their own district only. */
    public boolean isBoundToDistrict() {
        return this == DISTRICT || this == REVIEWER;
    }
}
