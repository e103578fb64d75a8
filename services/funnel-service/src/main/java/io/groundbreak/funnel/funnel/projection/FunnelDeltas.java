package io.groundbreak.funnel.funnel.projection;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes a project's changes of funnel position into {@code funnel_delta}: each one in its four scopes
 * and two grains (see V2__blue_green_read_models.sql), all in one statement.
 */
@Component
class FunnelDeltas {

    /** The scope value that stands for "every district" or "every chain". */
    static final String ALL = "*";

    private final JdbcClient jdbc;

    FunnelDeltas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Map<FunnelPosition, Change> changes) {
        // sorted, so that two writers always lock the shared rows in the same order
        Map<String, Row> rows = new TreeMap<>();
        changes.forEach((position, change) -> {
            for (String district : List.of(position.district(), ALL)) {
                for (String chain : List.of(position.chain(), ALL)) {
                    merge(rows, new Row(district, chain, "D", position.from(), position, change));
                    merge(rows, new Row(district, chain, "M", position.from().withDayOfMonth(1), position, change));
                }
            }
        });
        rows.values().removeIf(row -> row.change.isNone());
        if (rows.isEmpty()) {
            return;
        }
        List<String> districts = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        List<String> grains = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        List<Boolean> terminated = new ArrayList<>();
        List<Long> projects = new ArrayList<>();
        List<BigDecimal> investments = new ArrayList<>();
        for (Row row : rows.values()) {
            districts.add(row.district);
            chains.add(row.chain);
            grains.add(row.grain);
            dates.add(Date.valueOf(row.date));
            stages.add(row.position.stage().ordinal());
            terminated.add(row.position.terminated());
            projects.add(row.change.projects());
            investments.add(row.change.investmentCny());
        }
        jdbc.sql("""
                        INSERT INTO funnel_delta AS d (scope_district, scope_chain, grain, on_date, stage, terminated,
                                                       projects, investment_cny)
                        SELECT * FROM unnest(:districts::text[], :chains::text[], :grains::char(1)[], :dates::date[],
                                             :stages::smallint[], :terminated::boolean[], :projects::bigint[],
                                             :investments::numeric[])
                        ON CONFLICT (scope_district, scope_chain, grain, on_date, stage, terminated) DO UPDATE
                        SET projects = d.projects + EXCLUDED.projects,
                            investment_cny = d.investment_cny + EXCLUDED.investment_cny""")
                .param("districts", new SqlArrayValue("text", districts.toArray()))
                .param("chains", new SqlArrayValue("text", chains.toArray()))
                .param("grains", new SqlArrayValue("text", grains.toArray()))
                .param("dates", new SqlArrayValue("date", dates.toArray()))
                .param("stages", new SqlArrayValue("int4", stages.toArray()))
                .param("terminated", new SqlArrayValue("bool", terminated.toArray()))
                .param("projects", new SqlArrayValue("int8", projects.toArray()))
                .param("investments", new SqlArrayValue("numeric", investments.toArray()))
                .update();
    }

    private static void merge(Map<String, Row> rows, Row row) {
        rows.merge(row.key(), row, (a, b) -> new Row(a.district, a.chain, a.grain, a.date, a.position, a.change.plus(b.change)));
    }

    /** One funnel_delta row to add; {@code position}'s district, chain and date are replaced by the scope's. */
    private record Row(String district, String chain, String grain, LocalDate date, FunnelPosition position, Change change) {

        String key() {
            return district + "|" + chain + "|" + grain + "|" + date + "|" + position.stage().ordinal() + "|" + position.terminated();
        }
    }
}
