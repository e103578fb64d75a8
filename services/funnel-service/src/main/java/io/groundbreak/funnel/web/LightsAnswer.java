package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.query.Light;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/supervision/lights: one page (from 0) of the lit projects asked for, worst first, each with its light and
 * rule; and the counts of every light over the whole filter (the {@code light} parameter narrows the list only), in
 * total, per district and per chain of the reference data in their order (zeros included).
 */
record LightsAnswer(LocalDate asOf, Light light, int page, int size, long totalItems, long totalPages,
                    List<ProjectItem> items, LightCountsAnswer total, List<LightCountsAnswer> byDistrict,
                    List<LightCountsAnswer> byChain, Freshness freshness) {
}
