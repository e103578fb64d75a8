package io.groundbreak.funnel.projection;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
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
 * Writes what a {@link ReadModelFold} hands over into the current transaction's read-model set with COPY, one stream
 * per table: the rows a project ends with, not one statement per event. For a set nobody reads yet (a rebuild's,
 * emptied first).
 */
@Component
class ReadModelCopy {

    /** Bytes handed to the driver at a time: bounds the memory of a copy of any size. */
    private static final int CHUNK = 1 << 20;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TargetChangeRows targetChanges;
    private final RequestRows requests;

    ReadModelCopy(DataSource dataSource, JdbcClient jdbc, TargetChangeRows targetChanges, RequestRows requests) {
        this.targetChanges = targetChanges;
        this.requests = requests;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * The projects' rows, each project's written for the first time; their funnel_delta changes go to
     * {@code deferred} ({@link #writeFunnel} or an upsert writes them).
     */
    void write(Collection<ProjectRows> folded, DeferredFunnelDeltas deferred) {
        // last_applied_at is the database's clock, as live (the views' freshness, README); one instant for the set
        String now = jdbc.sql("SELECT now()::text").query(String.class).single();
        Map<FunnelPosition, Change> funnel = new HashMap<>();
        copy(copy -> {
            try (Rows projects = new Rows(copy, "project (project_id, code, name, district, chain, investor, park, "
                    + "planned_investment_cny, terminated_on, planned_signed, planned_landed, planned_started, "
                    + "planned_producing, responsible_person, responsible_leader, source)")) {
                for (ProjectRows rows : folded) {
                    ProjectRow project = rows.project;
                    if (rows.lastApplied != ProjectRows.NOTHING_APPLIED && project != null) {
                        PlannedDates plans = project.plannedDates();
                        projects.add(rows.projectId).add(project.code()).add(project.name()).add(project.district())
                                .add(project.chain()).add(project.investor()).add(project.park())
                                .add(project.plannedInvestmentCny().toPlainString()).add(project.terminatedOn())
                                .add(plans.signed()).add(plans.landed()).add(plans.started()).add(plans.producing())
                                .add(project.responsiblePerson()).add(project.responsibleLeader()).add(project.source())
                                .end();
                    }
                }
            }
            try (Rows applied = new Rows(copy, "applied_sequence (project_id, last_sequence, last_hash, last_recorded_at, "
                    + "last_applied_at)")) {
                for (ProjectRows rows : folded) {
                    if (rows.lastApplied != ProjectRows.NOTHING_APPLIED) {
                        applied.add(rows.projectId).add(rows.lastApplied).add(rows.lastHash).add(rows.lastRecordedAt)
                                .add(now).end();
                        rows.funnelDifference().forEach((position, change) -> funnel.merge(position, change, Change::plus));
                    }
                }
            }
            try (Rows milestones = new Rows(copy, "milestone (project_id, stage, effective_date, amount_cny)")) {
                for (ProjectRows rows : folded) {
                    for (Map.Entry<Stage, StageRow> stage : rows.stages.entrySet()) {
                        milestones.add(rows.projectId).add(stage.getKey().ordinal()).add(stage.getValue().effectiveDate())
                                .add(plain(stage.getValue().amountCny())).end();
                    }
                }
            }
            try (Rows suspensions = new Rows(copy, "suspension (project_id, sequence, suspended_on, resumed_on)")) {
                for (ProjectRows rows : folded) {
                    for (SuspensionRow suspension : rows.newSuspensions) {
                        suspensions.add(rows.projectId).add(suspension.sequence()).add(suspension.suspendedOn())
                                .add(suspension.resumedOn()).end();
                    }
                }
            }
            try (Rows reports = new Rows(copy, "investment_report (project_id, period, cumulative_completed_cny)")) {
                for (ProjectRows rows : folded) {
                    rows.reports.forEach((period, completed) ->
                            reports.add(rows.projectId).add(period).add(completed.toPlainString()).end());
                }
            }
        });
        targetChanges.write(folded);
        // a pair's decision is never folded (ReadModelFold.handsOver): what holds one was written by the live path
        requests.write(folded);
        deferred.add(funnel);
    }

    /** funnel_delta's rows for the changes, into a set whose funnel_delta is empty. */
    void writeFunnel(Map<FunnelPosition, Change> changes) {
        copy(copy -> {
            try (Rows deltas = new Rows(copy, "funnel_delta (scope_district, scope_chain, grain, on_date, stage, "
                    + "terminated, projects, investment_cny)")) {
                for (DeltaRow row : FunnelDeltas.unordered(changes)) {
                    deltas.add(row.scopeDistrict()).add(row.scopeChain()).add(row.grain()).add(row.onDate())
                            .add(row.stage()).add(row.terminated() ? "t" : "f").add(row.change().projects())
                            .add(row.change().investmentCny().toPlainString()).end();
                }
            }
        });
    }

    /** Runs the streams on the transaction's connection. */
    private void copy(CopyStreams streams) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            streams.write(connection.unwrap(PGConnection.class).getCopyAPI());
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY into the read models", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private interface CopyStreams {
        void write(CopyManager copy) throws SQLException;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /**
     * One table's COPY in PostgreSQL's text format, encoded straight into UTF-8 bytes (no text built first) and handed
     * to the driver a chunk at a time.
     */
    private static final class Rows implements AutoCloseable {

        private final CopyIn copy;
        private final byte[] bytes = new byte[CHUNK];
        private int length;
        private boolean first = true;

        Rows(CopyManager manager, String table) throws SQLException {
            this.copy = manager.copyIn("COPY " + table + " FROM STDIN");
        }

        /** Text, escaped for COPY. */
        Rows add(String value) {
            if (separated(value == null)) {
                escape(value);
            }
            return this;
        }

        /** Uuids, ISO dates and instants: ASCII with nothing to escape. */
        Rows add(Object value) {
            if (separated(value == null)) {
                ascii(value.toString());
            }
            return this;
        }

        Rows add(long value) {
            separated(false);
            ascii(Long.toString(value));
            return this;
        }

        /** Writes the column separator, and {@code \\N} for null; true when the value itself is to be written. */
        private boolean separated(boolean isNull) {
            room(3);
            if (!first) {
                bytes[length++] = '\t';
            }
            first = false;
            if (isNull) {
                bytes[length++] = '\\';
                bytes[length++] = 'N';
                return false;
            }
            return true;
        }

        void end() {
            room(1);
            bytes[length++] = '\n';
            first = true;
        }

        private void ascii(String value) {
            room(value.length());
            for (int i = 0; i < value.length(); i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
        }

        /** COPY's escapes, then UTF-8 (a lone surrogate as '?', as {@code String.getBytes} writes it). */
        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                room(4);
                char c = value.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> pair('\\');
                        case '\t' -> pair('t');
                        case '\n' -> pair('n');
                        case '\r' -> pair('r');
                        default -> bytes[length++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    bytes[length++] = (byte) (0xC0 | c >> 6);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    bytes[length++] = (byte) (0xE0 | c >> 12);
                    bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(++i));
                    bytes[length++] = (byte) (0xF0 | codePoint >> 18);
                    bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
                } else {
                    bytes[length++] = '?';
                }
            }
        }

        /** Makes room for {@code count} more bytes: a value may span chunks, COPY reads one stream. */
        private void room(int count) {
            if (length + count > bytes.length) {
                flush();
            }
        }

        private void pair(char escaped) {
            bytes[length++] = '\\';
            bytes[length++] = (byte) escaped;
        }

        private void flush() {
            try {
                copy.writeToCopy(bytes, 0, length);
            } catch (SQLException e) {
                throw new UncategorizedSQLException("COPY into the read models", null, e);
            }
            length = 0;
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
