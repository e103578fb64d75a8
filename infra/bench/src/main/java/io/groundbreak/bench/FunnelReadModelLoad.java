package io.groundbreak.bench;

import io.groundbreak.testsupport.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Puts a million projects into funnel-service's active read model with SQL (COPY), not through the
 * topic: replaying ~3 million events through the live consumer would take the better part of an hour
 * here, and the figure is about reading. Each random project (0–5 stages from 2018 on, one in ten
 * terminated) goes in as its {@code project} and {@code milestone} rows, and its part of
 * {@code funnel_delta} is computed as the service's {@code ProjectTimeline} does: on each date where its
 * position (stage on that date, terminated or not) changes, it leaves the old position and enters the new
 * one, in four scopes (district × chain, district × all, all × chain, all × all) and two grains (day, month).
 * What is already in the read model (the projects of the run's own load) is kept and added to.
 * {@link FunnelQueries#crossCheck} then compares the service's answers with counts taken from the
 * project and milestone rows, so that a load that disagrees with the service's model cannot pass.
 */
final class FunnelReadModelLoad {

    static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1);
    static final int DAYS = 7 * 365;
    private static final String ALL = "*";
    private static final int COPY_EVERY = 50_000;

    private final TestDatabase database;
    private final String schema;
    private final List<String> districts;
    private final List<String> chains;
    /** funnel_delta being built: encoded key → {projects, investment in fen}. */
    private final Map<Long, long[]> deltas = new HashMap<>();

    FunnelReadModelLoad(TestDatabase database, String schema, List<String> districts, List<String> chains) {
        this.database = database;
        this.schema = schema;
        this.districts = districts;
        this.chains = chains;
    }

    Map<String, Object> load(int projects) throws SQLException, IOException {
        long begin = System.nanoTime();
        Random random = new Random(42);
        long milestones = 0;
        try (Connection connection = GroundbreakSystem.connect(database)) {
            StringBuilder projectRows = new StringBuilder();
            StringBuilder milestoneRows = new StringBuilder();
            for (int i = 0; i < projects; i++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                int district = random.nextInt(districts.size());
                int chain = random.nextInt(chains.size());
                long plannedFen = 1_000_000L + random.nextInt(1_000_000_000);
                TreeMap<Integer, LocalDate> stages = new TreeMap<>();
                LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
                for (int stage = random.nextInt(3); stage < 5 && random.nextInt(10) < 7; stage++) {
                    stages.put(stage, date);
                    date = date.plusDays(random.nextInt(300));
                }
                LocalDate terminated = random.nextInt(10) == 0 ? date.plusDays(random.nextInt(200)) : null;
                projectRows.append(id).append(",BULK-").append(i).append(",Bulk project ").append(i).append(',')
                        .append(districts.get(district)).append(',').append(chains.get(chain)).append(",Investor,")
                        .append(BigDecimal.valueOf(plannedFen, 2)).append(',')
                        .append(terminated == null ? "" : terminated).append('\n');
                for (Map.Entry<Integer, LocalDate> stage : stages.entrySet()) {
                    milestoneRows.append(id).append(',').append(stage.getKey()).append(',').append(stage.getValue()).append('\n');
                    milestones++;
                }
                addContribution(district, chain, plannedFen, stages, terminated);
                if ((i + 1) % COPY_EVERY == 0 || i + 1 == projects) {
                    copy(connection, schema + ".project (project_id, code, name, district, chain, investor, "
                            + "planned_investment_cny, terminated_on)", projectRows);
                    copy(connection, schema + ".milestone (project_id, stage, effective_date)", milestoneRows);
                }
            }
            long deltaRows = replaceDeltas(connection);
            try (Statement statement = connection.createStatement()) {
                // as autovacuum would have left them: statistics and the visibility map for index-only scans
                for (String table : List.of("project", "milestone", "funnel_delta")) {
                    statement.execute("VACUUM ANALYZE " + schema + "." + table);
                }
            }
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("projectsLoaded", projects);
            stats.put("milestonesLoaded", milestones);
            stats.put("funnelDeltaRows", deltaRows);
            stats.put("loadSeconds", (System.nanoTime() - begin) / 1e9);
            stats.put("method", "bulk-loaded with SQL COPY into the active read model (not through Kafka); "
                    + "checked against counts from the project and milestone rows");
            return stats;
        }
    }

    /** ProjectTimeline's contribution, for projects whose stages only go up and end before any termination. */
    private void addContribution(int district, int chain, long plannedFen, TreeMap<Integer, LocalDate> stages,
                                 LocalDate terminatedOn) {
        TreeMap<LocalDate, Boolean> dates = new TreeMap<>();
        stages.values().forEach(date -> dates.put(date, true));
        if (terminatedOn != null) {
            dates.put(terminatedOn, true);
        }
        int stageBefore = -1;
        boolean terminatedBefore = false;
        for (LocalDate date : dates.keySet()) {
            int stage = -1;
            for (Map.Entry<Integer, LocalDate> recorded : stages.entrySet()) {
                if (!recorded.getValue().isAfter(date)) {
                    stage = Math.max(stage, recorded.getKey());
                }
            }
            boolean terminated = terminatedOn != null && !terminatedOn.isAfter(date);
            if (stage != stageBefore || terminated != terminatedBefore) {
                if (stageBefore >= 0) {
                    add(district, chain, stageBefore, terminatedBefore, date, -1, -plannedFen);
                }
                if (stage >= 0) {
                    add(district, chain, stage, terminated, date, 1, plannedFen);
                }
            }
            stageBefore = stage;
            terminatedBefore = terminated;
        }
    }

    private void add(int district, int chain, int stage, boolean terminated, LocalDate from, long projects, long fen) {
        for (int scopeDistrict : new int[] {district, districts.size()}) {
            for (int scopeChain : new int[] {chain, chains.size()}) {
                addRow(key(scopeDistrict, scopeChain, 0, from, stage, terminated), projects, fen);
                addRow(key(scopeDistrict, scopeChain, 1, from.withDayOfMonth(1), stage, terminated), projects, fen);
            }
        }
    }

    private void addRow(long key, long projects, long fen) {
        long[] sum = deltas.computeIfAbsent(key, ignored -> new long[2]);
        sum[0] += projects;
        sum[1] += fen;
    }

    /** The rows already there (the run's own projects) plus the new ones, written back in one transaction. */
    private long replaceDeltas(Connection connection) throws SQLException, IOException {
        List<String> districtScopes = new ArrayList<>(districts);
        districtScopes.add(ALL);
        List<String> chainScopes = new ArrayList<>(chains);
        chainScopes.add(ALL);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT scope_district, scope_chain, grain, on_date, stage, terminated, "
                     + "projects, investment_cny FROM " + schema + ".funnel_delta")) {
            while (row.next()) {
                addRow(key(districtScopes.indexOf(row.getString(1)), chainScopes.indexOf(row.getString(2)),
                                row.getString(3).equals("D") ? 0 : 1, row.getObject(4, LocalDate.class), row.getInt(5),
                                row.getBoolean(6)),
                        row.getLong(7), row.getBigDecimal(8).movePointRight(2).longValueExact());
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + schema + ".funnel_delta");
        }
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<Long, long[]> delta : deltas.entrySet()) {
            long key = delta.getKey();
            boolean terminated = (key & 1) == 1;
            int stage = (int) ((key >> 1) & 7);
            LocalDate onDate = LocalDate.ofEpochDay((key >> 4) & 0xFFFFF);
            String grain = ((key >> 24) & 1) == 0 ? "D" : "M";
            int chain = (int) ((key >> 25) & 63);
            int district = (int) ((key >> 31) & 63);
            rows.append(districtScopes.get(district)).append(',').append(chainScopes.get(chain)).append(',')
                    .append(grain).append(',').append(onDate).append(',').append(stage).append(',').append(terminated)
                    .append(',').append(delta.getValue()[0]).append(',')
                    .append(BigDecimal.valueOf(delta.getValue()[1], 2).toPlainString()).append('\n');
            if (rows.length() > 8_000_000) {
                copyDeltas(connection, rows);
            }
        }
        copyDeltas(connection, rows);
        connection.commit();
        connection.setAutoCommit(true);
        return deltas.size();
    }

    private void copyDeltas(Connection connection, StringBuilder rows) throws SQLException, IOException {
        copy(connection, schema + ".funnel_delta (scope_district, scope_chain, grain, on_date, stage, terminated, "
                + "projects, investment_cny)", rows);
    }

    /** scope district (6 bits) | scope chain (6) | grain (1) | epoch day (20) | stage (3) | terminated (1). */
    private static long key(int scopeDistrict, int scopeChain, int grain, LocalDate onDate, int stage, boolean terminated) {
        if (scopeDistrict < 0 || scopeChain < 0) {
            throw new IllegalStateException("funnel_delta holds a scope outside the reference data");
        }
        return ((long) scopeDistrict << 31) | ((long) scopeChain << 25) | ((long) grain << 24)
                | (onDate.toEpochDay() << 4) | ((long) stage << 1) | (terminated ? 1 : 0);
    }

    private static void copy(Connection connection, String table, StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
        rows.setLength(0);
    }
}
