package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import java.time.LocalDate;
import java.util.List;

/** GET /api/projects: one page (from 0) of the projects asked for, and how many there are in all. */
record ProjectListAnswer(LocalDate asOf, int page, int size, long totalItems, long totalPages, List<ProjectItem> items,
                         Freshness freshness) {
}
