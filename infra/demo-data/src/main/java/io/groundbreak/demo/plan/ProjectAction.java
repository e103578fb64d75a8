package io.groundbreak.demo.plan;

import java.util.Map;

/**
 * One thing a district office posts about a project after registering it, exactly as milestone-service's
 * HTTP API takes it. The actions of a project are kept in the order they are posted.
 */
public sealed interface ProjectAction permits RecordMilestone, CorrectMilestone, RetractMilestone, StatusChange,
        ReportInvestment, AmendDetails {

    /** The path below {@code /api/projects/{id}}, e.g. {@code /milestones/SIGNED/correction}. */
    String path();

    /** The JSON body's fields, in order; absent optional fields are left out. */
    Map<String, Object> body();

    /** A short name of what is done, part of the request's Idempotency-Key. */
    String slug();
}
