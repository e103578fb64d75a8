package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import java.time.LocalDate;
import java.util.List;

/** GET /api/funnel/breakdown: one funnel per district or chain of the reference data, in its order. */
record BreakdownAnswer(LocalDate asOf, String by, List<BreakdownEntry> funnels, Freshness freshness) {
}
