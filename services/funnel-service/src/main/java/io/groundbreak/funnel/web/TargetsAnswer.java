package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/supervision/targets: a year's targets against what was achieved from its first day to {@code until} (the
 * date asked, at most the year's last day), in total, per district and per chain of the scope (reference order, every
 * one listed), and per cell that has a target or an actual.
 */
record TargetsAnswer(int year, LocalDate asOf, LocalDate until, TargetRowAnswer total, List<TargetRowAnswer> byDistrict,
                     List<TargetRowAnswer> byChain, List<TargetCellAnswer> cells, Freshness freshness) {
}
