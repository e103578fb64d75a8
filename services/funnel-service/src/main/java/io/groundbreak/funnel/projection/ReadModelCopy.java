package io.groundbreak.funnel.projection;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ReadModelFold} into the current transaction's read-model set with COPY, one stream per table: the
 * rows a project ends with, not one statement per event. For a set nobody reads yet (a rebuild's, emptied first).
 */
@Component
class ReadModelCopy {

    /** Text handed to the driver at a time: bounds the memory of a copy of any size. */
    private static final int CHUNK = 1 << 20;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ReadModelCopy(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void write(ReadModelFold fold) {
        // last_applied_at is the database's clock, as live (the views' freshness, README); one instant for the set
        String now = jdbc.sql("SELECT now()::text").query(String.class).single();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<FunnelPosition, Change> funnel = new HashMap<>();
            try (Rows projects = new Rows(copy, "project (project_id, code, name, district, chain, investor, park, "
                    + "planned_investment_cny, terminated_on)")) {
                for (ProjectRows rows : fold.projects()) {
                    ProjectRow project = rows.project;
                    if (rows.lastApplied != ProjectRows.NOTHING_APPLIED && project != null) {
                        projects.add(rows.projectId).add(project.code()).add(project.name()).add(project.district())
                                .add(project.chain()).add(project.investor()).add(project.park())
                                .add(project.plannedInvestmentCny().toPlainString()).add(project.terminatedOn()).end();
                    }
                }
            }
            try (Rows applied = new Rows(copy, "applied_sequence (project_id, last_sequence, last_hash, last_recorded_at, "
                    + "last_applied_at)")) {
                for (ProjectRows rows : fold.projects()) {
                    if (rows.lastApplied != ProjectRows.NOTHING_APPLIED) {
                        applied.add(rows.projectId).add(rows.lastApplied).add(rows.lastHash).add(rows.lastRecordedAt)
                                .add(now).end();
                        rows.funnelDifference().forEach((position, change) -> funnel.merge(position, change, Change::plus));
                    }
                }
            }
            try (Rows milestones = new Rows(copy, "milestone (project_id, stage, effective_date, amount_cny)")) {
                for (ProjectRows rows : fold.projects()) {
                    for (Map.Entry<Stage, StageRow> stage : rows.stages.entrySet()) {
                        milestones.add(rows.projectId).add(stage.getKey().ordinal()).add(stage.getValue().effectiveDate())
                                .add(plain(stage.getValue().amountCny())).end();
                    }
                }
            }
            try (Rows suspensions = new Rows(copy, "suspension (project_id, sequence, suspended_on, resumed_on)")) {
                for (ProjectRows rows : fold.projects()) {
                    for (SuspensionRow suspension : rows.newSuspensions) {
                        suspensions.add(rows.projectId).add(suspension.sequence()).add(suspension.suspendedOn())
                                .add(suspension.resumedOn()).end();
                    }
                }
            }
            try (Rows reports = new Rows(copy, "investment_report (project_id, period, cumulative_completed_cny)")) {
                for (ProjectRows rows : fold.projects()) {
                    rows.reports.forEach((period, completed) ->
                            reports.add(rows.projectId).add(period).add(completed.toPlainString()).end());
                }
            }
            try (Rows deltas = new Rows(copy, "funnel_delta (scope_district, scope_chain, grain, on_date, stage, "
                    + "terminated, projects, investment_cny)")) {
                for (DeltaRow row : FunnelDeltas.rows(funnel)) {
                    deltas.add(row.scopeDistrict()).add(row.scopeChain()).add(row.grain()).add(row.onDate())
                            .add(row.stage()).add(row.terminated() ? "t" : "f").add(row.change().projects())
                            .add(row.change().investmentCny().toPlainString()).end();
                }
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY into the read models", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** One table's COPY in PostgreSQL's text format, handed to the driver a chunk at a time. */
    private static final class Rows implements AutoCloseable {

        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(CHUNK + 4096);
        private boolean first = true;

        Rows(CopyManager manager, String table) throws SQLException {
            this.copy = manager.copyIn("COPY " + table + " FROM STDIN");
        }

        Rows add(Object value) {
            if (!first) {
                text.append('\t');
            }
            first = false;
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof String string) {
                escape(string);
            } else {
                // uuids, numbers, ISO dates and instants: nothing to escape
                text.append(value);
            }
            return this;
        }

        void end() {
            text.append('\n');
            first = true;
            if (text.length() >= CHUNK) {
                flush();
            }
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        private void flush() {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new UncategorizedSQLException("COPY into the read models", null, e);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                // after a failure: the connection goes back to the pool out of COPY mode, the transaction rolls back
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
