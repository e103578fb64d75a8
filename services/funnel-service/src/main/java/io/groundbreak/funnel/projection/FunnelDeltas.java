package io.groundbreak.funnel.projection;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Keeps a statement's arrays (and the memory to build them) bounded whatever the number of changes. */
    private static final int ROWS_PER_STATEMENT = 20_000;

    private final JdbcClient jdbc;

    FunnelDeltas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the changes to funnel_delta, in statements of at most {@value #ROWS_PER_STATEMENT} rows. */
    void add(Map<FunnelPosition, Change> changes) {
        List<DeltaRow> rows = rows(changes);
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            upsert(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void upsert(List<DeltaRow> rows) {
        List<String> districts = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        List<String> grains = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        List<Boolean> terminated = new ArrayList<>();
        List<Long> projects = new ArrayList<>();
        List<BigDecimal> investments = new ArrayList<>();
        for (DeltaRow row : rows) {
            districts.add(row.scopeDistrict());
            chains.add(row.scopeChain());
            grains.add(row.grain());
            dates.add(Date.valueOf(row.onDate()));
            stages.add(row.stage());
            terminated.add(row.terminated());
            projects.add(row.change().projects());
            investments.add(row.change().investmentCny());
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

    /**
     * Each change in its four scopes and two grains, rows for the same key merged, rows that cancel out
     * left out; sorted, so that two writers always lock the shared rows in the same order.
     */
    static List<DeltaRow> rows(Map<FunnelPosition, Change> changes) {
        List<DeltaRow> rows = new ArrayList<>(unordered(changes));
        rows.sort(DeltaRow.KEY_ORDER);
        return rows;
    }

    /** {@link #rows} in no particular order: for a COPY into a table no other writer uses yet. */
    static List<DeltaRow> unordered(Map<FunnelPosition, Change> changes) {
        Map<DeltaRow.Key, Change> merged = new HashMap<>();
        changes.forEach((position, change) -> {
            int stage = position.stage().ordinal();
            LocalDate day = position.from();
            LocalDate month = day.withDayOfMonth(1);
            for (String district : new String[] {position.district(), ALL}) {
                for (String chain : new String[] {position.chain(), ALL}) {
                    merged.merge(new DeltaRow.Key(district, chain, "D", day, stage, position.terminated()), change,
                            Change::plus);
                    merged.merge(new DeltaRow.Key(district, chain, "M", month, stage, position.terminated()), change,
                            Change::plus);
                }
            }
        });
        List<DeltaRow> rows = new ArrayList<>(merged.size());
        merged.forEach((key, change) -> {
            if (!change.isNone()) {
                rows.add(key.with(change));
            }
        });
        return rows;
    }
}
