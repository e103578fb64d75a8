package io.groundbreak.events;

/**
 * The body of every event on groundbreak.project-events.v1: about one project, but for {@link TargetsSet} (schema 1.2),
 * which is about a year's plan, and {@link DuplicateDecided} (schema 1.3), which is about a pair of projects;
 * {@link #projectId()} is the stream's subject either way.
 */
public sealed interface ProjectEvent
        permits ProjectRegistered, MilestoneRecorded, MilestoneCorrected, MilestoneRetracted,
                ProjectSuspended, ProjectResumed, ProjectTerminated, InvestmentReported, ProjectDetailsAmended,
                TargetsSet, DuplicateDecided, ChangeRequested, ChangeApproved, ChangeRejected, ChangeWithdrawn {

    ProjectId projectId();

    /** The envelope's {@code type}: the record's simple name, e.g. {@code MilestoneRecorded}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
