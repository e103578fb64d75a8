package io.groundbreak.funnel.query;

import java.util.List;

/** One page of a project list; {@code page} counts from 0. */
public record ProjectPage(List<ProjectSummary> items, int page, int size, long totalItems) {
}
