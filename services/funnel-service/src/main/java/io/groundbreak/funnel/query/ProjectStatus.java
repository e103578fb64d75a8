package io.groundbreak.funnel.query;

/** A project's status on a date: terminated from its termination date, suspended between suspension and resumption. */
public enum ProjectStatus {
    ACTIVE, SUSPENDED, TERMINATED
}
