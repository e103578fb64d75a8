package io.groundbreak.funnel.query;

/**
 * Which figure of the funnel a project list explains, for one stage: the projects counted in
 * reached(s), current(s) or lost(s) (docs/funnel.md), so that every number a leader
 * sees has the list of projects behind it.
 */
public enum FunnelFigure {
    REACHED, CURRENT, LOST
}
