package io.groundbreak.demo.plan;

import java.util.Objects;

/**
 * A change of the past that the demo leaves waiting for the district's reviewer, so that the workspace's queue and
 * the dashboard show some: it changes no figure (the plan's figures leave it out) and is posted after everything else.
 */
public record PendingReview(DemoProject project, RetractMilestone retraction) {

    public PendingReview {
        Objects.requireNonNull(project);
        Objects.requireNonNull(retraction);
    }
}
