package io.groundbreak.events;

/**
 * The body of every event on groundbreak.project-events.v1: about one project, but for {@link TargetsSet} (schema 1.2),
 * which is about a year's plan; {@link #projectId()} is the stream's subject either way.
 */
public sealed interface ProjectEvent
        permits ProjectRegistered, MilestoneRecorded, MilestoneCorrected, MilestoneRetracted,
                ProjectSuspended, ProjectResumed, ProjectTerminated, InvestmentReported, ProjectDetailsAmended,
                TargetsSet {

    ProjectId projectId();

    /** The envelope's {@code type}: the record's simple name, e.g. {@code MilestoneRecorded}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
