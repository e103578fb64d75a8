package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/funnel/cohorts: per stage transition TALKS→SIGNED … STARTED→PRODUCING and per period, the projects that
 * reached the first stage then and what became of them at the second by {@code asOf}.
 */
record CohortsAnswer(LocalDate asOf, String by, String from, String to, List<Transition> transitions,
                     Freshness freshness) {

    record Transition(String from, String to, String nameZh, String nameEn, List<Period> periods) {
    }

    record Period(String period, LocalDate start, LocalDate end, long projects, List<Window> within, long reached,
                  long waiting, long lost) {
    }

    record Window(int days, long reached, boolean closed) {
    }
}
