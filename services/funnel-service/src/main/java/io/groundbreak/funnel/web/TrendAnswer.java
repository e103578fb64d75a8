package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import java.time.YearMonth;
import java.util.List;

/** GET /api/funnel/trend: per month from {@code from} to {@code to}, per stage, the projects that reached it. */
record TrendAnswer(YearMonth from, YearMonth to, List<Month> months, Freshness freshness) {

    record Month(YearMonth month, List<Reached> stages) {
    }

    record Reached(String stage, String nameZh, String nameEn, long reached) {
    }
}
