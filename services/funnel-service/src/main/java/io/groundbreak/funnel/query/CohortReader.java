package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.readmodel.ReadModels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohort table (docs/funnel.md "Cohorts"): per stage TALKS…STARTED and period, the projects that reached the
 * stage then and what became of them at the next stage, in one query over the stage rows of the projects that
 * reached something in the span asked for.
 */
@Component
public class CohortReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    CohortReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** Every stage TALKS…STARTED and every period of the span, in that order, zeros included. */
    @Transactional(readOnly = true)
    public List<Cohort> cohorts(CohortQuery query) {
        readModels.useActive();
        FunnelFilter filter = query.filter();
        String counts = CohortOutcome.WINDOWS.stream()
                .map(window -> "count(*) FILTER (WHERE " + window.condition + ") AS " + window.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        Map<String, Cohort> found = new HashMap<>();
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        SELECT stage, date_trunc(:grain, reached_on::timestamp)::date AS period, count(*) AS projects, %s,
                               count(*) FILTER (WHERE %s) AS reached, count(*) FILTER (WHERE %s) AS waiting,
                               count(*) FILTER (WHERE %s) AS lost
                        FROM (%s) AS members
                        GROUP BY 1, 2""".formatted(counts, CohortOutcome.REACHED.condition,
                        CohortOutcome.WAITING.condition, CohortOutcome.LOST.condition,
                        CohortMembers.sql(filter.district(), filter.chain())))
                .param("grain", query.from().grain().name().toLowerCase(Locale.ROOT))
                .param("asOf", filter.asOf());
        ProjectScope.bind(CohortMembers.bind(statement, query.from(), query.to(), filter.asOf()), filter.district(),
                filter.chain())
                .query((row, number) -> {
                    Stage stage = Stage.values()[row.getInt("stage")];
                    CohortPeriod period = new CohortPeriod(query.from().grain(), row.getObject("period", LocalDate.class));
                    List<CohortWindow> windows = new ArrayList<>();
                    for (CohortOutcome window : CohortOutcome.WINDOWS) {
                        windows.add(new CohortWindow(window.days(), row.getLong(window.name().toLowerCase(Locale.ROOT)),
                                closed(period, window, filter.asOf())));
                    }
                    return found.put(key(stage, period), new Cohort(stage, period, row.getLong("projects"), windows,
                            row.getLong("reached"), row.getLong("waiting"), row.getLong("lost")));
                })
                .list();
        List<Cohort> cohorts = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.PRODUCING) {
                continue;
            }
            for (CohortPeriod period = query.from(); !period.start().isAfter(query.to().start()); period = period.next()) {
                cohorts.add(found.getOrDefault(key(stage, period), empty(stage, period, filter.asOf())));
            }
        }
        return cohorts;
    }

    private static Cohort empty(Stage stage, CohortPeriod period, LocalDate asOf) {
        return new Cohort(stage, period, 0, CohortOutcome.WINDOWS.stream()
                .map(window -> new CohortWindow(window.days(), 0, closed(period, window, asOf))).toList(), 0, 0, 0);
    }

    /** Every member reached the stage by the period's last day, so its window ends by then plus the window's days. */
    private static boolean closed(CohortPeriod period, CohortOutcome window, LocalDate asOf) {
        return !period.end().plusDays(window.days()).isAfter(asOf);
    }

    private static String key(Stage stage, CohortPeriod period) {
        return stage + " " + period;
    }
}
