package io.groundbreak.funnel.query;

/**
 * Which projects a list shows of those a duplicate decision took out of the figures: all marked ({@code INCLUDE}, a
 * plain list's default), none ({@code EXCLUDE}, always for a figure's drill-down) or only them.
 */
public enum DuplicateFilter {
    INCLUDE, EXCLUDE, ONLY
}
