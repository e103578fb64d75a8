package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only ledger table: events go in once, with their full envelope, and never change. */
@Component
public class Ledger {

    private static final String ENVELOPE_COLUMNS =
            "event_id, event_type, project_id, sequence, recorded_at, recorded_by, prev_hash, hash, district, data";

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the event id or the project's sequence is already in the ledger */
    public boolean append(EventEnvelope envelope) {
        return jdbc.sql("INSERT INTO ledger_event (" + ENVELOPE_COLUMNS + ") VALUES (:id, :type, :project, :sequence,"
                        + " :time, :recordedBy, :prevHash, :hash, :district, CAST(:data AS jsonb)) ON CONFLICT DO NOTHING")
                .param("id", envelope.id())
                .param("type", envelope.type())
                .param("project", envelope.subject().value())
                .param("sequence", envelope.sequence())
                .param("time", OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .param("recordedBy", envelope.recordedBy())
                .param("prevHash", envelope.prevHash())
                .param("hash", envelope.hash())
                .param("district", envelope.district())
                .param("data", EventCodec.toJson(envelope.data()))
                .update() == 1;
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
    public List<EventEnvelope> history(ProjectId projectId) {
        return jdbc.sql("SELECT " + ENVELOPE_COLUMNS + " FROM ledger_event WHERE project_id = :project ORDER BY sequence")
                .param("project", projectId.value())
                .query((row, number) -> envelope(row))
                .list();
    }

    private static EventEnvelope envelope(ResultSet row) throws SQLException {
        String type = row.getString("event_type");
        return new EventEnvelope(
                row.getObject("event_id", UUID.class),
                type,
                new ProjectId(row.getObject("project_id", UUID.class)),
                row.getLong("sequence"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getString("recorded_by"),
                row.getString("prev_hash"),
                row.getString("hash"),
                row.getString("district"),
                EventCodec.fromJson(type, row.getString("data")));
    }
}
