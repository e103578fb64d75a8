package io.groundbreak.funnel.web;

/** One entry of GET /api/funnel/cycle-times; {@code from}/{@code to} are stage codes, the names join both. */
record CycleTimeAnswer(String from, String to, String nameZh, String nameEn, long count, Double medianDays,
                       Double p90Days) {
}
