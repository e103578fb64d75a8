package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import java.time.LocalDate;
import java.util.List;

/** GET /api/funnel/cycle-times: the four consecutive pairs of stages, in funnel order. */
record CycleTimesAnswer(LocalDate asOf, List<CycleTimeAnswer> cycleTimes, Freshness freshness) {
}
