package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.readmodel.ReadModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads funnels from the pre-aggregated {@code funnel_delta}: the figures on D are the sums of the
 * month rows before D's month and the day rows of D's month up to D, in one scope, so a funnel costs
 * the same whatever the number of projects.
 */
@Component
public class FunnelReader {

    /** The scope value that stands for "every district" or "every chain". */
    private static final String ALL = "*";

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    FunnelReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    @Transactional(readOnly = true)
    public Funnel funnel(FunnelFilter filter) {
        readModels.useActive();
        return Funnel.of(filter.asOf(), tallies(filter, "scope_district = :district", "scope_chain = :chain", "''")
                .getOrDefault("", List.of()));
    }

    /**
     * One funnel per district (or chain) of {@code codes}, in their order, zeros included; the other
     * dimension is the filter's.
     */
    @Transactional(readOnly = true)
    /** By district or chain (funnel_delta's scopes); by source is {@link SourceBreakdown}'s. */
    public Map<String, Funnel> breakdown(Breakdown by, FunnelFilter filter, List<String> codes) {
        if (by == Breakdown.SOURCE) {
            throw new IllegalArgumentException("funnel_delta has no source scope: SourceBreakdown answers by source");
        }
        readModels.useActive();
        Map<String, List<StageTally>> tallies = by == Breakdown.DISTRICT
                ? tallies(filter, "scope_district <> '*'", "scope_chain = :chain", "scope_district")
                : tallies(filter, "scope_district = :district", "scope_chain <> '*'", "scope_chain");
        Map<String, Funnel> funnels = new LinkedHashMap<>();
        for (String code : codes) {
            funnels.put(code, Funnel.of(filter.asOf(), tallies.getOrDefault(code, List.of())));
        }
        return funnels;
    }

    private Map<String, List<StageTally>> tallies(FunnelFilter filter, String districtCondition, String chainCondition,
                                                  String scope) {
        String rows = "SELECT %s AS scope, stage, terminated, projects, investment_cny FROM funnel_delta WHERE %s AND %s"
                .formatted(scope, districtCondition, chainCondition);
        Map<String, List<StageTally>> tallies = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT scope, stage, terminated, sum(projects) AS projects, sum(investment_cny) AS investment
                        FROM (%1$s AND grain = 'M' AND on_date < :monthStart
                              UNION ALL
                              %1$s AND grain = 'D' AND on_date >= :monthStart AND on_date <= :asOf) AS deltas
                        GROUP BY scope, stage, terminated""".formatted(rows))
                .param("district", filter.district().orElse(ALL))
                .param("chain", filter.chain().orElse(ALL))
                .param("monthStart", filter.asOf().withDayOfMonth(1))
                .param("asOf", filter.asOf())
                .query((row, number) -> {
                    StageTally tally = new StageTally(Stage.values()[row.getInt("stage")], row.getBoolean("terminated"),
                            row.getLong("projects"), row.getBigDecimal("investment"));
                    return tallies.computeIfAbsent(row.getString("scope"), scopeCode -> new ArrayList<>()).add(tally);
                })
                .list();
        return tallies;
    }
}
