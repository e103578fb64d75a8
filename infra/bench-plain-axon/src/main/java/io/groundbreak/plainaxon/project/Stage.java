package io.groundbreak.plainaxon.project;

/** The funnel's stages in order; a project only moves up. */
public enum Stage {
    TALKS, SIGNED, LANDED, STARTED, PRODUCING
}
