package io.groundbreak.events;

/** The body of every event on groundbreak.project-events.v1: always about one project. */
public sealed interface ProjectEvent
        permits ProjectRegistered, MilestoneRecorded, MilestoneCorrected, MilestoneRetracted,
                ProjectSuspended, ProjectResumed, ProjectTerminated, InvestmentReported, ProjectDetailsAmended {

    ProjectId projectId();

    /** The envelope's {@code type}: the record's simple name, e.g. {@code MilestoneRecorded}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
