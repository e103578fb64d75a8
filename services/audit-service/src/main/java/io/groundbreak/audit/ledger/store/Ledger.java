package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only ledger table: events go in once, with their full envelope, and never change. */
@Component
public class Ledger {

    static final String ENVELOPE_COLUMNS =
            "event_id, event_type, project_id, sequence, recorded_at, recorded_by, prev_hash, hash, district, data";
    /** The values of {@link #ENVELOPE_COLUMNS}, bound by {@link #envelope}. */
    static final String ENVELOPE_VALUES =
            ":id, :type, :project, :sequence, :time, :recordedBy, :prevHash, :hash, :district, CAST(:data AS jsonb)";

    private final JdbcClient jdbc;
    private final Cursor cursor;

    Ledger(JdbcClient jdbc, Cursor cursor) {
        this.jdbc = jdbc;
        this.cursor = cursor;
    }

    /** @return false when the event id or the project's sequence is already in the ledger */
    public boolean append(EventEnvelope envelope) {
        return envelope(jdbc.sql("INSERT INTO ledger_event (" + ENVELOPE_COLUMNS + ") VALUES (" + ENVELOPE_VALUES + ")"
                        + " ON CONFLICT DO NOTHING"), envelope)
                .update() == 1;
    }

    static JdbcClient.StatementSpec envelope(JdbcClient.StatementSpec statement, EventEnvelope envelope) {
        return statement
                .param("id", envelope.id())
                .param("type", envelope.type())
                .param("project", envelope.subject().value())
                .param("sequence", envelope.sequence())
                .param("time", timestamp(envelope.time()))
                .param("recordedBy", envelope.recordedBy())
                .param("prevHash", envelope.prevHash())
                .param("hash", envelope.hash())
                .param("district", envelope.district())
                .param("data", EventCodec.toJson(envelope.data()));
    }

    /** The hash the ledger holds for an event id, if it holds that event. */
    public Optional<String> hashOfEvent(UUID eventId) {
        return jdbc.sql("SELECT hash FROM ledger_event WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .optional();
    }

    /** The hash of a project's event at a sequence, if the ledger holds it. */
    public Optional<String> hashAt(ProjectId projectId, long sequence) {
        return jdbc.sql("SELECT hash FROM ledger_event WHERE project_id = :project AND sequence = :sequence")
                .param("project", projectId.value())
                .param("sequence", sequence)
                .query(String.class)
                .optional();
    }

    /** Every event of a project, in sequence order; empty for a project the ledger has never seen. */
    public List<StoredEvent> history(ProjectId projectId) {
        return jdbc.sql("SELECT " + ENVELOPE_COLUMNS + " FROM ledger_event WHERE project_id = :project ORDER BY sequence")
                .param("project", projectId.value())
                .query((row, number) -> stored(row))
                .list();
    }

    /** The selected events in the order they entered the ledger (each project's in sequence order), streamed. */
    public void eachInIngestOrder(LedgerSelection selection, Consumer<StoredEvent> action) {
        stream(selection, "position", action);
    }

    /** The selected events project by project, each project's in sequence order, streamed. */
    public void eachByProject(LedgerSelection selection, Consumer<StoredEvent> action) {
        stream(selection, "project_id, sequence", action);
    }

    private void stream(LedgerSelection selection, String order, Consumer<StoredEvent> action) {
        StringBuilder sql = new StringBuilder("SELECT " + ENVELOPE_COLUMNS + " FROM ledger_event WHERE true");
        selection.project().ifPresent(project -> sql.append(" AND project_id = :project"));
        selection.district().ifPresent(district -> sql.append(" AND district = :district"));
        selection.recordedFrom().ifPresent(from -> sql.append(" AND recorded_at >= :from"));
        selection.recordedTo().ifPresent(to -> sql.append(" AND recorded_at <= :to"));
        sql.append(" ORDER BY ").append(order);
        cursor.each(sql.toString(), statement -> {
            selection.project().ifPresent(project -> statement.param("project", project.value()));
            selection.district().ifPresent(district -> statement.param("district", district));
            selection.recordedFrom().ifPresent(from -> statement.param("from", timestamp(from)));
            selection.recordedTo().ifPresent(to -> statement.param("to", timestamp(to)));
        }, row -> {
            action.accept(stored(row));
        });
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static StoredEvent stored(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getObject("event_id", UUID.class),
                row.getString("event_type"),
                row.getObject("project_id", UUID.class),
                row.getLong("sequence"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getString("recorded_by"),
                row.getString("prev_hash"),
                row.getString("hash"),
                row.getString("district"),
                row.getString("data"));
    }
}
