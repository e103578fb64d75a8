package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.funnel.projection.DeferredFunnelDeltas;
import io.groundbreak.funnel.projection.FunnelProjection;
import io.groundbreak.funnel.projection.Outcome;
import io.groundbreak.funnel.readmodel.ReadModels;
import io.groundbreak.funnel.model.HistoryGenerator;
import io.groundbreak.reference.ReferenceData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection applies a batch (a rebuild's poll) with one read and one write per table for all its
 * projects, and a rebuild holds funnel_delta's changes back across batches: whatever the batch boundaries and
 * whenever the held-back changes are written, the tables must end up exactly as if every event had been
 * applied on its own, as the live consumer does, and every event must get the same outcome. Random histories of
 * every kind of event, interleaved across projects, with redeliveries and gaps, go into the inactive read
 * model once event by event and once in batches of random sizes; the tables are compared row by row.
 * Seeded: {@code -Dfunnel.seed=N} replays a run.
 */
class BatchedProjectionIT extends FunnelServiceTestBase {

    private static final Logger log = LoggerFactory.getLogger(BatchedProjectionIT.class);
    private static final int PROJECTS = 150;

    @Autowired
    FunnelProjection projection;

    @Autowired
    ReadModels readModels;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReferenceData referenceData;

    @Test
    void aBatchLeavesTheTablesAsItsEventsAppliedOneByOne() {
        long seed = Long.getLong("funnel.seed", System.nanoTime());
        log.info("BatchedProjectionIT seed {} (replay with -Dfunnel.seed={})", seed, seed);
        Random random = new Random(seed);
        List<EventEnvelope> stream = interleavedWithRedeliveriesAndGaps(random);
        // the set no query reads and no consumer writes (a rebuild empties it before use)
        String schema = transactions.execute(status -> ReadModels.other(readModels.useActive()));

        Map<Outcome, Long> oneByOne = new EnumMap<>(Outcome.class);
        empty(schema);
        for (EventEnvelope envelope : stream) {
            projection.applyAll(schema, List.of(envelope), oneByOne);
        }
        Map<String, List<String>> expected = tables(schema);

        Map<Outcome, Long> batched = new EnumMap<>(Outcome.class);
        DeferredFunnelDeltas deferred = new DeferredFunnelDeltas();
        empty(schema);
        for (int from = 0; from < stream.size(); ) {
            int to = Math.min(stream.size(), from + 1 + random.nextInt(random.nextBoolean() ? 5 : 400));
            // as a rebuild does: funnel_delta held back across batches, written now and then and at the end
            projection.applyAll(schema, stream.subList(from, to), batched, deferred);
            if (random.nextInt(5) == 0) {
                projection.writeDeferred(schema, deferred);
            }
            from = to;
        }
        projection.writeDeferred(schema, deferred);
        Map<String, List<String>> actual = tables(schema);
        empty(schema);

        assertThat(oneByOne.get(Outcome.REDELIVERED)).isPositive();
        assertThat(oneByOne.get(Outcome.GAP)).isPositive();
        assertThat(batched).isEqualTo(oneByOne);
        assertThat(expected.get("milestone")).isNotEmpty();
        expected.forEach((table, rows) -> assertThat(actual.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    /**
     * Every project's events in order, projects interleaved at random; now and then an event already sent
     * again (a redelivery), and in a few projects one event missing (everything after it is a gap).
     */
    private List<EventEnvelope> interleavedWithRedeliveriesAndGaps(Random random) {
        List<String> districts = referenceData.districtCodes();
        HistoryGenerator histories = new HistoryGenerator(random, districts, referenceData.chainCodes());
        List<List<EventEnvelope>> projects = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            List<EventEnvelope> events = new ArrayList<>(histories.project());
            if (i % 10 == 0 && events.size() > 2) {
                events.remove(1 + random.nextInt(events.size() - 1));
            }
            projects.add(events);
        }
        List<EventEnvelope> stream = new ArrayList<>();
        int[] next = new int[PROJECTS];
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < PROJECTS; i++) {
                if (next[i] < projects.get(i).size()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                return stream;
            }
            int project = open.get(random.nextInt(open.size()));
            stream.add(projects.get(project).get(next[project]++));
            if (random.nextInt(10) == 0) {
                stream.add(projects.get(project).get(random.nextInt(next[project])));
            }
        }
    }

    private void empty(String schema) {
        transactions.executeWithoutResult(status -> readModels.empty(schema));
    }

    /** Every table of the set as sorted text rows; funnel_delta's rows that add up to nothing are left out. */
    private Map<String, List<String>> tables(String schema) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("project", "SELECT concat_ws('|', project_id, code, name, district, chain, investor, park, "
                + "planned_investment_cny, terminated_on) FROM %s.project");
        queries.put("milestone", "SELECT concat_ws('|', project_id, stage, effective_date, amount_cny) FROM %s.milestone");
        queries.put("suspension", "SELECT concat_ws('|', project_id, sequence, suspended_on, resumed_on) FROM %s.suspension");
        queries.put("investment_report", "SELECT concat_ws('|', project_id, period, cumulative_completed_cny) "
                + "FROM %s.investment_report");
        queries.put("applied_sequence", "SELECT concat_ws('|', project_id, last_sequence, last_hash) FROM %s.applied_sequence");
        queries.put("funnel_delta", "SELECT concat_ws('|', scope_district, scope_chain, grain, on_date, stage, terminated, "
                + "projects, investment_cny) FROM %s.funnel_delta WHERE projects <> 0 OR investment_cny <> 0");
        Map<String, List<String>> tables = new LinkedHashMap<>();
        queries.forEach((table, sql) -> tables.put(table, jdbc.sql(String.format(sql, schema) + " ORDER BY 1")
                .query(String.class).list()));
        return tables;
    }
}
