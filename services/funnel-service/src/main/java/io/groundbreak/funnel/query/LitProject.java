package io.groundbreak.funnel.query;

/** A project on a date with its light. */
public record LitProject(ProjectSummary project, ProjectLight light) {
}
